package io.github.orysession.internal.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.spi.CachingProvider;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;

import io.github.orysession.internal.config.CacheConfig;
import io.github.orysession.internal.json.Jsonp;
import io.github.orysession.internal.json.SessionReader;
import io.github.orysession.internal.json.SessionWriter;
import io.github.orysession.model.Session;

/**
 * The clustered store: two JSR-107 caches of the server's provider (on Payara, Hazelcast), shared by every
 * instance of the cluster. {@code <name>} maps credential fingerprints to sessions, {@code <name>-revocations}
 * maps identity ids to the last revocation through the library, so that a revocation on one instance is seen by
 * every other at once.
 * <p>
 * Values are JSON strings (written by {@link SessionWriter}, read by {@link SessionReader}: the library's one JSON
 * stack), not Java objects, so that the provider never has to load the application's classes (which a redeployment
 * replaces). An entry holds the session as Kratos answered it, the Kratos-signed JWT of {@code tokenize_as} included:
 * a hit on another instance must serve the same session, and that JWT is a bearer credential only for the services
 * it is sent to, never for Kratos. It stays in the grid no longer than its own {@code exp} (the entry's life is
 * bounded by it) and never leaves the cluster; whoever can read the grid can also write it, and so could make any
 * credential valid there, so the grid must be trusted as the application is. The session token and cookies
 * themselves are never stored, only their SHA-256 fingerprints as keys. Each entry lives at most the TTL in the provider (a modified-expiry policy),
 * and the exact {@link CachedSession#expiresAt()} is checked on every read. The number of entries is bounded by
 * the provider's eviction settings (Hazelcast's cache default: 10,000 entries, least recently used first).
 */
public final class JCacheSessionStore implements SessionStore {

    private static final Logger LOG = Logger.getLogger(JCacheSessionStore.class.getName());

    private final Cache<String, String> entries;
    private final Cache<String, String> revocations;

    JCacheSessionStore(Cache<String, String> entries, Cache<String, String> revocations) {
        this.entries = entries;
        this.revocations = revocations;
    }

    /**
     * Opens (or creates) the two caches with the server's JCache provider: the {@code CachingProvider} bean where
     * the server offers one (Payara's is bound to its own Hazelcast member), otherwise the provider
     * {@link Caching} finds.
     *
     * @param config the cache settings
     * @return the store
     * @throws IllegalStateException when the server has no usable JCache provider
     */
    static JCacheSessionStore create(CacheConfig config) {
        CacheManager manager = cacheManager();
        Duration revocationLife = config.ttl().plus(SessionCache.CLOCK_ALLOWANCE).plusSeconds(1);
        return new JCacheSessionStore(open(manager, config.jcacheName(), config.ttl()),
                open(manager, config.jcacheName() + "-revocations", revocationLife));
    }

    private static CacheManager cacheManager() {
        CachingProvider provider = null;
        try {
            Instance<CachingProvider> bean = CDI.current().select(CachingProvider.class);
            if (bean.isResolvable()) {
                provider = bean.get();
            }
        } catch (IllegalStateException noContainer) {
            // Outside a CDI container (unit tests): ask Caching below.
        }
        try {
            if (provider == null) {
                provider = Caching.getCachingProvider(JCacheSessionStore.class.getClassLoader());
            }
            return provider.getCacheManager();
        } catch (CacheException | LinkageError | NullPointerException e) {
            throw new IllegalStateException(CacheConfig.BACKEND + "=jcache needs a JCache (JSR-107) provider on the server"
                    + " (on Payara: Hazelcast enabled)", e);
        }
    }

    private static Cache<String, String> open(CacheManager manager, String name, Duration life) {
        Cache<String, String> cache = manager.getCache(name, String.class, String.class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setStoreByValue(true)
                .setExpiryPolicyFactory(FactoryBuilder.factoryOf(new ModifiedExpiryPolicy(
                        new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, life.toMillis()))));
        try {
            return manager.createCache(name, configuration);
        } catch (CacheException createdMeanwhile) {
            // Another instance (or deployment) created it between our look and our creation.
            return manager.getCache(name, String.class, String.class);
        }
    }

    @Override
    public CachedSession get(String key) {
        String value = entries.get(key);
        if (value == null) {
            return null;
        }
        try {
            JsonObject entry = Jsonp.read(value).asJsonObject();
            Session session = SessionReader.session(entry.get("session"));
            return new CachedSession(session, Instant.ofEpochMilli(entry.getJsonNumber("verified_at").longValue()),
                    Instant.ofEpochMilli(entry.getJsonNumber("expires_at").longValue()),
                    GrantsJson.read(entry.get("grants")));
        } catch (RuntimeException unreadable) {
            // Written by another version of the library, or damaged: a miss, never a failure.
            LOG.log(Level.FINE, "Unreadable cache entry dropped: {0}", unreadable.getClass().getSimpleName());
            entries.remove(key);
            return null;
        }
    }

    @Override
    public void put(String key, CachedSession entry) {
        entries.put(key, Jsonp.PROVIDER.createObjectBuilder()
                .add("verified_at", entry.verifiedAt().toEpochMilli())
                .add("expires_at", entry.expiresAt().toEpochMilli())
                .add("session", SessionWriter.session(entry.session()))
                .add("grants", GrantsJson.write(entry.grants()))
                .build().toString());
    }

    @Override
    public void remove(String key) {
        entries.remove(key);
    }

    @Override
    public Instant revokedAt(String identityId) {
        String value = revocations.get(identityId);
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
    }

    @Override
    public void markRevoked(String identityId, Instant at) {
        String value = Long.toString(at.toEpochMilli());
        while (true) {
            String earlier = revocations.get(identityId);
            if (earlier == null) {
                if (revocations.putIfAbsent(identityId, value)) {
                    return;
                }
            } else if (Long.parseLong(earlier) >= at.toEpochMilli() || revocations.replace(identityId, earlier, value)) {
                return;
            }
        }
    }
}
