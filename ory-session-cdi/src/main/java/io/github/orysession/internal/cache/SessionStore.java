package io.github.orysession.internal.cache;

import java.time.Instant;

/**
 * Where cached sessions live: this JVM ({@link LocalSessionStore}) or a JSR-107 cache shared by a cluster
 * ({@link JCacheSessionStore}). Keys are credential fingerprints (SHA-256), never credentials. The store only
 * keeps things; {@link SessionCache} decides what is still usable.
 */
public interface SessionStore {

    /**
     * @param key a credential fingerprint
     * @return the entry, or {@code null}
     */
    CachedSession get(String key);

    /**
     * Keeps an entry until its {@link CachedSession#expiresAt()} at most.
     *
     * @param key a credential fingerprint
     * @param entry the entry
     */
    void put(String key, CachedSession entry);

    /**
     * @param key a credential fingerprint whose entry goes
     */
    void remove(String key);

    /**
     * @param identityId an identity id
     * @return when a session of this identity was last revoked (or extended) through the library, or {@code null}
     */
    Instant revokedAt(String identityId);

    /**
     * Records a revocation; never moves an earlier record back in time.
     *
     * @param identityId the identity whose sessions changed
     * @param at when Kratos confirmed it
     */
    void markRevoked(String identityId, Instant at);
}
