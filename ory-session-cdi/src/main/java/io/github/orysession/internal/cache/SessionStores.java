package io.github.orysession.internal.cache;

import java.time.Clock;

import io.github.orysession.internal.config.CacheConfig;

/** Creates the store the configuration names; the JCache classes are touched only when that backend is chosen. */
final class SessionStores {

    private SessionStores() {
    }

    static SessionStore create(CacheConfig config, Clock clock) {
        if (!config.enabled()) {
            return null;
        }
        return switch (config.backend()) {
            case LOCAL -> new LocalSessionStore(config.maxEntries(), config.ttl(), clock);
            case JCACHE -> JCacheSessionStore.create(config, clock);
        };
    }
}
