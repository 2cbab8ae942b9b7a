package io.github.orysession.internal.config;

import java.time.Duration;
import java.util.Locale;

import org.eclipse.microprofile.config.Config;

/**
 * The session cache's settings ({@code ory.session.cache.*}), read once from MicroProfile Config.
 * <table>
 * <caption>Cache keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@value #ENABLED}</td><td>{@value #DEFAULT_ENABLED}</td><td>cache whoami answers; {@code false} asks Kratos on every request</td></tr>
 * <tr><td>{@value #TTL}</td><td>{@value #DEFAULT_TTL_MS}</td><td>longest time a session is served from the cache</td></tr>
 * <tr><td>{@value #MAX_ENTRIES}</td><td>{@value #DEFAULT_MAX_ENTRIES}</td><td>most sessions held (local backend)</td></tr>
 * <tr><td>{@value #BACKEND}</td><td>{@value #DEFAULT_BACKEND}</td><td>{@code local} (in-process) or {@code jcache} (shared across a cluster)</td></tr>
 * <tr><td>{@value #JCACHE_NAME}</td><td>{@value #DEFAULT_JCACHE_NAME}</td><td>JCache cache name; revocations use this name plus {@code -revocations}</td></tr>
 * </table>
 *
 * @param enabled whether whoami answers are cached
 * @param ttl the longest time an answer is served from the cache
 * @param maxEntries the most entries held in the local backend
 * @param backend where entries live
 * @param jcacheName the JCache cache name, for the {@code jcache} backend
 */
public record CacheConfig(boolean enabled, Duration ttl, long maxEntries, Backend backend, String jcacheName) {

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

    /** The cache is on unless turned off. */
    public static final String DEFAULT_ENABLED = "true";
    /** Thirty seconds: a session revoked outside the library is served at most this long. */
    public static final String DEFAULT_TTL_MS = "30000";
    /** Ten thousand sessions, a few tens of megabytes at most. */
    public static final String DEFAULT_MAX_ENTRIES = "10000";
    /** In-process by default. */
    public static final String DEFAULT_BACKEND = "local";
    /** The default JCache cache name. */
    public static final String DEFAULT_JCACHE_NAME = "ory-sessions";

    /**
     * Reads and checks the settings.
     *
     * @param config the MicroProfile Config to read
     * @return the settings
     * @throws IllegalArgumentException naming the key, when a value is invalid
     */
    public static CacheConfig load(Config config) {
        String enabled = value(config, ENABLED, DEFAULT_ENABLED);
        if (!enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(ENABLED + " must be true or false, got " + enabled);
        }
        String backend = value(config, BACKEND, DEFAULT_BACKEND).toLowerCase(Locale.ROOT);
        if (!backend.equals("local") && !backend.equals("jcache")) {
            throw new IllegalArgumentException(BACKEND + " must be local or jcache, got " + backend);
        }
        String name = value(config, JCACHE_NAME, DEFAULT_JCACHE_NAME);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(JCACHE_NAME + " must not be empty");
        }
        return new CacheConfig(Boolean.parseBoolean(enabled), Duration.ofMillis(ConfigValues.positive(config, TTL, DEFAULT_TTL_MS)),
                ConfigValues.positive(config, MAX_ENTRIES, DEFAULT_MAX_ENTRIES), Backend.valueOf(backend.toUpperCase(Locale.ROOT)), name);
    }

    private static String value(Config config, String key, String defaultValue) {
        return ConfigValues.text(config, key, defaultValue);
    }
}
