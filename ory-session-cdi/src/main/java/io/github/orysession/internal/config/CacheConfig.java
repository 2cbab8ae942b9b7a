package io.github.orysession.internal.config;

import java.time.Duration;
import java.util.Locale;

import org.eclipse.microprofile.config.Config;

import io.github.orysession.internal.credentials.Sha256;

/**
 * The session cache's settings ({@code ory.session.cache.*}), read once from MicroProfile Config.
 * <table>
 * <caption>Cache keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@value #ENABLED}</td><td>{@value #DEFAULT_ENABLED}</td><td>cache whoami answers; {@code false} asks Kratos on every request</td></tr>
 * <tr><td>{@value #TTL}</td><td>{@value #DEFAULT_TTL_MS}</td><td>longest time a session is served from the cache</td></tr>
 * <tr><td>{@value #MAX_ENTRIES}</td><td>{@value #DEFAULT_MAX_ENTRIES}</td><td>most sessions held (local backend)</td></tr>
 * <tr><td>{@value #BACKEND}</td><td>{@value #DEFAULT_BACKEND}</td><td>{@code local} (in-process) or {@code jcache} (shared across a cluster)</td></tr>
 * <tr><td>{@value #JCACHE_NAME}</td><td>{@code ory-sessions-} and a hash of {@code ory.kratos.url} and
 * {@code ory.session.tokenize-as}</td><td>JCache cache name; the identities' revocation records use this name plus
 * {@code -identities}</td></tr>
 * <tr><td>{@value #REJECTION_TTL}</td><td>{@value #DEFAULT_REJECTION_TTL_MS}</td><td>how long this JVM remembers a
 * credential Kratos answered {@code 401} for, and refuses it without asking again; {@code 0} never remembers</td></tr>
 * <tr><td>{@value #REJECTION_MAX_ENTRIES}</td><td>{@value #DEFAULT_REJECTION_MAX_ENTRIES}</td><td>most rejected
 * credentials remembered</td></tr>
 * <tr><td>{@value #JCACHE_NEAR}</td><td>{@value #DEFAULT_JCACHE_NEAR_MS}</td><td>{@code jcache} backend: how long an
 * instance serves what it read from the shared cache without reading it again; a revocation, extension or logout
 * through the library waits this long before it returns; {@code 0} reads the shared cache on every request</td></tr>
 * </table>
 *
 * @param enabled whether whoami answers are cached
 * @param ttl the longest time an answer is served from the cache
 * @param maxEntries the most entries held in the local backend
 * @param backend where entries live
 * @param jcacheName the JCache cache name, for the {@code jcache} backend
 * @param rejectionTtl how long a {@code 401} is remembered; zero when never
 * @param rejectionMaxEntries the most {@code 401}s remembered
 * @param scope what every cache key is bound to: a digest of the Kratos URL and the tokenizer template, so that
 *        applications sharing a cache but trusting different Kratos projects (or templates) never serve each other's
 *        verdicts
 * @param jcacheNear how long an instance of the {@code jcache} backend serves its near copy of what it read from the
 *        shared cache; zero when it reads the shared cache every time
 */
public record CacheConfig(boolean enabled, Duration ttl, long maxEntries, Backend backend, String jcacheName,
                          Duration rejectionTtl, long rejectionMaxEntries, String scope, Duration jcacheNear) {

    /** Where cached sessions live. */
    public enum Backend {
        /** In this JVM (Caffeine). */
        LOCAL,
        /** In a JSR-107 cache the server provides, shared by the instances of a cluster (Payara: Hazelcast). */
        JCACHE
    }

    /** Whether whoami answers are cached. */
    public static final String ENABLED = "ory.session.cache.enabled";
    /** The longest time, in milliseconds, a session is served from the cache. */
    public static final String TTL = "ory.session.cache.ttl-ms";
    /** The most entries the local backend holds. */
    public static final String MAX_ENTRIES = "ory.session.cache.max-entries";
    /** {@code local} or {@code jcache}. */
    public static final String BACKEND = "ory.session.cache.backend";
    /** The JCache cache name. */
    public static final String JCACHE_NAME = "ory.session.cache.jcache-name";
    /** Milliseconds a credential Kratos answered {@code 401} for is refused without asking Kratos again. */
    public static final String REJECTION_TTL = "ory.session.cache.rejection-ttl-ms";
    /** The most rejected credentials remembered. */
    public static final String REJECTION_MAX_ENTRIES = "ory.session.cache.rejection-max-entries";
    /** Milliseconds an instance of the {@code jcache} backend serves its near copy of a shared entry. */
    public static final String JCACHE_NEAR = "ory.session.cache.jcache-near-ms";

    /** The cache is on unless turned off. */
    public static final String DEFAULT_ENABLED = "true";
    /** Thirty seconds: a session revoked outside the library is served at most this long. */
    public static final String DEFAULT_TTL_MS = "30000";
    /** Ten thousand sessions, a few tens of megabytes at most. */
    public static final String DEFAULT_MAX_ENTRIES = "10000";
    /** In-process by default. */
    public static final String DEFAULT_BACKEND = "local";
    /** The start of the default JCache cache name, which ends with a hash of the Kratos URL and template. */
    public static final String DEFAULT_JCACHE_NAME_PREFIX = "ory-sessions-";
    /**
     * Five seconds: one whoami call per junk credential every five seconds at most, and a session that Kratos did not
     * know at first (an extension of an expired session, a replica catching up) refused at most that long.
     */
    public static final String DEFAULT_REJECTION_TTL_MS = "5000";
    /** Ten thousand rejected credentials, a few megabytes at most. */
    public static final String DEFAULT_REJECTION_MAX_ENTRIES = "10000";
    /** The longest a {@code 401} may be remembered: the memory must stay brief, whatever is configured. */
    public static final int MAX_REJECTION_TTL_MS = 60_000;
    /**
     * Half a second: an instance reads a hot session from the shared cache twice per half second instead of twice per
     * request, and a revocation, extension or logout through the library returns half a second later.
     */
    public static final String DEFAULT_JCACHE_NEAR_MS = "500";
    /** The longest near copy: a revocation through the library waits this long at most. */
    public static final int MAX_JCACHE_NEAR_MS = 5_000;

    /**
     * Reads and checks the settings.
     *
     * @param config the MicroProfile Config to read
     * @param ory the Kratos URL and tokenizer template the cache's keys and default name are bound to
     * @return the settings
     * @throws IllegalArgumentException naming the key, when a value is invalid
     */
    public static CacheConfig load(Config config, OryConfig ory) {
        String enabled = ConfigValues.text(config, ENABLED, DEFAULT_ENABLED);
        if (!enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(ENABLED + " must be true or false, got " + enabled);
        }
        String backend = ConfigValues.text(config, BACKEND, DEFAULT_BACKEND).toLowerCase(Locale.ROOT);
        if (!backend.equals("local") && !backend.equals("jcache")) {
            throw new IllegalArgumentException(BACKEND + " must be local or jcache, got " + backend);
        }
        String scope = scope(ory);
        String name = ConfigValues.text(config, JCACHE_NAME, defaultJCacheName(scope));
        return new CacheConfig(Boolean.parseBoolean(enabled), Duration.ofMillis(ConfigValues.positive(config, TTL, DEFAULT_TTL_MS)),
                ConfigValues.positive(config, MAX_ENTRIES, DEFAULT_MAX_ENTRIES), Backend.valueOf(backend.toUpperCase(Locale.ROOT)), name,
                Duration.ofMillis(ConfigValues.between(config, REJECTION_TTL, DEFAULT_REJECTION_TTL_MS, 0, MAX_REJECTION_TTL_MS)),
                ConfigValues.positive(config, REJECTION_MAX_ENTRIES, DEFAULT_REJECTION_MAX_ENTRIES), scope,
                Duration.ofMillis(ConfigValues.between(config, JCACHE_NEAR, DEFAULT_JCACHE_NEAR_MS, 0, MAX_JCACHE_NEAR_MS)));
    }

    /**
     * What the cache's keys are bound to: the Kratos that gives the verdicts and the tokenizer template they are asked
     * with (a session cached with one template's JWT must not be served to an application expecting another's).
     *
     * @param ory the Kratos URL and tokenizer template
     * @return a hex digest of both
     */
    public static String scope(OryConfig ory) {
        return Sha256.hex(ory.kratosUrl() + "\n" + (ory.tokenizeAs() == null ? "" : ory.tokenizeAs()));
    }

    /**
     * @param scope the cache's {@link #scope(OryConfig)}
     * @return {@code ory-sessions-} and the first 16 hex characters of the scope: applications that trust different
     *         Kratos projects (or templates) get different caches in a shared data grid unless told otherwise
     */
    public static String defaultJCacheName(String scope) {
        return DEFAULT_JCACHE_NAME_PREFIX + scope.substring(0, 16);
    }
}
