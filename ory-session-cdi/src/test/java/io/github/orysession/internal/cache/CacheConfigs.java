package io.github.orysession.internal.cache;

import java.net.URI;
import java.time.Duration;

import io.github.orysession.internal.config.CacheConfig;
import io.github.orysession.internal.config.OryConfig;

/** Cache settings for the tests: the defaults but for what a test sets. */
final class CacheConfigs {

    /** The scope of a Kratos the tests pretend to ask. */
    static final String SCOPE = CacheConfig.scope(OryConfig.defaults(URI.create("http://kratos.test:4433")));
    static final Duration REJECTION_TTL = Duration.ofSeconds(5);
    /** The default near copy of the {@code jcache} backend. */
    static final Duration NEAR = Duration.ofMillis(500);

    private CacheConfigs() {
    }

    static CacheConfig local(Duration ttl, long maxEntries) {
        return new CacheConfig(true, ttl, maxEntries, CacheConfig.Backend.LOCAL, "x", REJECTION_TTL, 10_000, SCOPE, NEAR);
    }

    static CacheConfig off(Duration ttl) {
        return new CacheConfig(false, ttl, 10_000, CacheConfig.Backend.LOCAL, "x", REJECTION_TTL, 10_000, SCOPE, NEAR);
    }

    static CacheConfig jcache(String name, Duration ttl) {
        return new CacheConfig(true, ttl, 10_000, CacheConfig.Backend.JCACHE, name, REJECTION_TTL, 10_000, SCOPE, NEAR);
    }

    static CacheConfig withRejectionTtl(CacheConfig config, Duration rejectionTtl) {
        return new CacheConfig(config.enabled(), config.ttl(), config.maxEntries(), config.backend(), config.jcacheName(),
                rejectionTtl, config.rejectionMaxEntries(), config.scope(), config.jcacheNear());
    }

    static CacheConfig withJCacheNear(CacheConfig config, Duration near) {
        return new CacheConfig(config.enabled(), config.ttl(), config.maxEntries(), config.backend(), config.jcacheName(),
                config.rejectionTtl(), config.rejectionMaxEntries(), config.scope(), near);
    }
}
