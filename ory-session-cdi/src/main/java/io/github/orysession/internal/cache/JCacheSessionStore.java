package io.github.orysession.internal.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import javax.cache.spi.CachingProvider;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import io.github.orysession.internal.config.CacheConfig;
import io.github.orysession.internal.json.SessionReader;
import io.github.orysession.internal.json.SessionWriter;

/**
 * The clustered store: two JSR-107 caches of the server's provider (on Payara, Hazelcast), shared by every
 * instance of the cluster. {@code <name>} maps credential fingerprints to sessions (and logout marks),
 * {@code <name>-identities} maps identity ids to their {@link IdentityState}, so that a revocation on one instance is
 * seen by every other at once.
 * <p>
 * Values are JSON strings ({@link StoreJson}, with {@link SessionWriter} and {@link SessionReader}: the library's one
 * JSON stack), not Java objects, so that the provider never has to load the application's classes (which a
 * redeployment replaces). An entry holds the session as Kratos answered it, the Kratos-signed JWT of
 * {@code tokenize_as} included: a hit on another instance must serve the same session, and that JWT is a bearer
 * credential only for the services it is sent to, never for Kratos. It stays in the grid no longer than its own
 * {@code exp} (the entry's life is bounded by it) and never leaves the cluster; whoever can read the grid can also
 * write it, and so could make any credential valid there, so the grid must be trusted as the application is. The
 * session token and cookies themselves are never stored, only their SHA-256 fingerprints as keys.
 * <p>
 * Each entry lives at most the TTL in the provider (a modified-expiry policy), and the exact expiry is checked on
 * every read. Each identity's state lives the TTL plus the clock allowance after its last use (a touched-expiry
 * policy). The number of entries of both caches is bounded by the provider's eviction settings (Hazelcast's cache
 * default: 10,000 entries, least recently used first, counted per partition). Hazelcast evicts for size without
 * any event a listener could see, so nothing here depends on hearing of an eviction: an entry is served only while
 * its identity's state, with the generation the entry was written under, is still in the grid.
 * <p>
 * Writes that must not overwrite a logout mark, or a newer revocation, are compare-and-set loops on the provider's
 * atomic operations ({@code putIfAbsent}, {@code replace(key, old, new)}, {@code remove(key, old)}).
 * <p>
 * Reads go through this instance's {@link NearCopies}: an entry or an identity's state read from the grid is served,
 * parsed, for the near time ({@code ory.session.cache.jcache-near-ms}) without reading the grid again, so that a hot
 * session costs two reads of the grid per near time, not two per request, and one parse per change. A revocation and
 * a logout mark wait the near time after the grid took them ({@link NearCopies#waitOut()}), so that they still return
 * only when no instance would serve what they replaced.
 */
public final class JCacheSessionStore implements SessionStore {

    private static final Logger LOG = Logger.getLogger(JCacheSessionStore.class.getName());
    /** The suffix of the identities' cache name. */
    static final String IDENTITIES = "-identities";

    private final Cache<String, String> entries;
    private final Cache<String, String> identities;
    private final NearCopies<StoreEntry> nearEntries;
    private final NearCopies<IdentityState> nearIdentities;
    private final Clock clock;

    JCacheSessionStore(Cache<String, String> entries, Cache<String, String> identities, CacheConfig config, Clock clock) {
        this.entries = entries;
        this.identities = identities;
        this.nearEntries = new NearCopies<>(entries, this::readable, config.jcacheNear(), config.maxEntries(), config.ttl());
        this.nearIdentities = new NearCopies<>(identities, (identityId, value) -> StoreJson.identity(value),
                config.jcacheNear(), config.maxEntries(), config.ttl());
        this.clock = clock;
    }

    /**
     * Opens (or creates) the two caches with the server's JCache provider: the {@code CachingProvider} bean where
     * the server offers one (Payara's is bound to its own Hazelcast member), otherwise the provider
     * {@link Caching} finds.
     *
     * @param config the cache settings
     * @param clock the time source of the entries' expiry instants
     * @return the store
     * @throws IllegalStateException when the server has no usable JCache provider
     */
    static JCacheSessionStore create(CacheConfig config, Clock clock) {
        CacheManager manager = cacheManager();
        Duration identityLife = config.ttl().plus(SessionCache.CLOCK_ALLOWANCE).plusSeconds(1);
        return new JCacheSessionStore(
                open(manager, config.jcacheName(), ModifiedExpiryPolicy.factoryOf(duration(config.ttl()))),
                open(manager, config.jcacheName() + IDENTITIES, TouchedExpiryPolicy.factoryOf(duration(identityLife))),
                config, clock);
    }

    private static javax.cache.expiry.Duration duration(Duration duration) {
        return new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, duration.toMillis());
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

    private static Cache<String, String> open(CacheManager manager, String name, Factory<ExpiryPolicy> expiry) {
        Cache<String, String> cache = manager.getCache(name, String.class, String.class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setStoreByValue(true)
                .setExpiryPolicyFactory(expiry);
        try {
            return manager.createCache(name, configuration);
        } catch (CacheException createdMeanwhile) {
            // Another instance (or deployment) created it between our look and our creation.
            return manager.getCache(name, String.class, String.class);
        }
    }

    @Override
    public StoreEntry get(String key) {
        return nearEntries.get(key);
    }

    private StoreEntry readable(String key, String value) {
        StoreEntry entry = StoreJson.entry(value);
        if (entry == null) {
            // Written by another version of the library, or damaged: a miss, never a failure.
            LOG.log(Level.FINE, "Unreadable cache entry dropped");
            entries.remove(key, value);
        }
        return entry;
    }

    @Override
    public void put(String key, StoreEntry entry) {
        String value = StoreJson.write(entry);
        if (entry instanceof LogoutMark) {
            entries.put(key, value);
            nearEntries.forget(key);
            nearEntries.waitOut(); // a logout must be seen by every instance at once
            return;
        }
        while (true) {
            String held = entries.get(key);
            if (held == null ? entries.putIfAbsent(key, value) : isMark(held) || entries.replace(key, held, value)) {
                nearEntries.forget(key);
                return;
            }
        }
    }

    @Override
    public void remove(String key) {
        removeUnless(key, this::isMark);
    }

    @Override
    public void removeStale(String key, CachedSession unusable) {
        removeUnless(key, held -> !(StoreJson.entry(held) instanceof CachedSession entry && entry.sameFill(unusable)));
    }

    /**
     * Removes the key's value unless {@code keep} says otherwise, as one compare-and-remove (again if the value changed
     * meanwhile), then forgets the near copy: the next read sees what the grid holds now, another instance's write
     * included.
     */
    private void removeUnless(String key, Predicate<String> keep) {
        while (true) {
            String held = entries.get(key);
            if (held == null || keep.test(held) || entries.remove(key, held)) {
                nearEntries.forget(key);
                return;
            }
        }
    }

    private boolean isMark(String value) {
        return StoreJson.entry(value) instanceof LogoutMark mark && clock.instant().isBefore(mark.expiresAt());
    }

    @Override
    public IdentityState identity(String identityId) {
        return nearIdentities.get(identityId);
    }

    @Override
    public IdentityState identityForWriting(String identityId) {
        while (true) {
            String held = identities.get(identityId);
            IdentityState state = held == null ? null : StoreJson.identity(held);
            if (state != null) {
                return state;
            }
            IdentityState fresh = IdentityState.fresh();
            String value = StoreJson.write(fresh);
            if (held == null ? identities.putIfAbsent(identityId, value) : identities.replace(identityId, held, value)) {
                nearIdentities.forget(identityId);
                return fresh;
            }
        }
    }

    @Override
    public void markRevoked(String identityId, Instant at) {
        while (true) {
            String held = identities.get(identityId);
            IdentityState state = held == null ? null : StoreJson.identity(held);
            String value = StoreJson.write(state == null ? IdentityState.fresh().revokedAt(at) : state.revokedAt(at));
            if (held == null ? identities.putIfAbsent(identityId, value) : identities.replace(identityId, held, value)) {
                nearIdentities.forget(identityId);
                nearIdentities.waitOut(); // a revocation must be seen by every instance at once
                return;
            }
        }
    }
}
