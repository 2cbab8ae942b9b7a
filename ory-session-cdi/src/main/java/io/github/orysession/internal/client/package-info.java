/**
 * Internal, not part of the API: talking to Kratos: the MicroProfile REST client interface {@link io.github.orysession.internal.client.KratosPublicApi},
 * the whoami call that fails closed ({@link io.github.orysession.internal.client.KratosSessionClient}) and its
 * {@link io.github.orysession.internal.client.CircuitBreaker}.
 *
 * <pre>{@code
 * @Inject SessionLookup lookup;
 * WhoamiResult verdict = lookup.whoami(Credentials.ofToken(token)); // throws on Kratos failures, never "anonymous"
 * }</pre>
 */
package io.github.orysession.internal.client;

import io.github.orysession.internal.client.CircuitBreaker;
import io.github.orysession.internal.client.KratosPublicApi;
import io.github.orysession.internal.client.KratosSessionClient;
import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.client.WhoamiResult;
