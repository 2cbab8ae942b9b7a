/**
 * Internal, not part of the API: the session cache in front of Kratos's whoami ({@link io.github.orysession.internal.cache.SessionCache}), keyed by a
 * SHA-256 fingerprint of the credential bound to the Kratos URL and tokenizer template, with two stores: in this JVM
 * ({@link io.github.orysession.internal.cache.LocalSessionStore}, Caffeine) or shared by a cluster
 * ({@link io.github.orysession.internal.cache.JCacheSessionStore}, JSR-107), and a brief memory of Kratos's {@code 401}s in this
 * JVM ({@link io.github.orysession.internal.cache.Rejections}).
 *
 * <pre>{@code
 * # META-INF/microprofile-config.properties
 * # the longest time a session is served from the cache (the default)
 * ory.session.cache.ttl-ms=30000
 * # share cached sessions across a Payara cluster
 * ory.session.cache.backend=jcache
 * # the default: a junk token costs one whoami call per 5 s
 * ory.session.cache.rejection-ttl-ms=5000
 *
 * // after revoking sessions some other way than through the library's session management:
 * @Inject SessionAdmin admin;
 * admin.forgetCachedSessions(identityId); // every instance stops serving that identity's cached sessions
 * }</pre>
 */
package io.github.orysession.internal.cache;

import io.github.orysession.internal.cache.JCacheSessionStore;
import io.github.orysession.internal.cache.LocalSessionStore;
import io.github.orysession.internal.cache.SessionCache;
