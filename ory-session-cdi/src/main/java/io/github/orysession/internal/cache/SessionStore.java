package io.github.orysession.internal.cache;

import java.time.Instant;

/**
 * Where cached sessions live: this JVM ({@link LocalSessionStore}) or a JSR-107 cache shared by a cluster
 * ({@link JCacheSessionStore}). Keys are credential fingerprints (SHA-256), never credentials. The store only
 * keeps things; {@link SessionCache} decides what is still usable.
 * <p>
 * Reads may answer from this instance's copy of what another instance wrote, at most a fixed time old (the clustered
 * store's near copies); {@link #markRevoked(String, Instant)} and a {@link #put(String, StoreEntry)} of a
 * {@link LogoutMark} return only once no instance would answer from a copy older than them.
 */
public interface SessionStore {

    /**
     * @param key a credential fingerprint
     * @return the entry (a session or a logout mark), or {@code null}
     */
    StoreEntry get(String key);

    /**
     * Keeps an entry until its {@link StoreEntry#expiresAt()} at most. A {@link LogoutMark} replaces whatever the key
     * holds; a {@link CachedSession} never replaces a mark that has not expired.
     *
     * @param key a credential fingerprint
     * @param entry the entry
     */
    void put(String key, StoreEntry entry);

    /**
     * Drops the session entry of a key; a logout mark that has not expired stays.
     *
     * @param key a credential fingerprint
     */
    void remove(String key);

    /**
     * Drops a session entry found unusable, if the key still holds that very entry ({@link CachedSession#sameFill}). In
     * a cluster another instance may have replaced it with a fresh one meanwhile (this instance having judged its near
     * copy of the old one), and that one stays: dropping it would make every instance ask Kratos again.
     *
     * @param key a credential fingerprint
     * @param unusable the entry found unusable
     */
    void removeStale(String key, CachedSession unusable);

    /**
     * @param identityId an identity id
     * @return what the store knows about the identity, or {@code null} when nothing (never seen, expired or evicted:
     *         then none of its entries may be served)
     */
    IdentityState identity(String identityId);

    /**
     * @param identityId an identity whose session is about to be cached
     * @return the identity's state, recorded now as {@link IdentityState#fresh()} when the store had none
     */
    IdentityState identityForWriting(String identityId);

    /**
     * Records a revocation: a new generation, and a revocation instant that never moves back in time.
     *
     * @param identityId the identity whose sessions changed
     * @param at when Kratos confirmed it
     */
    void markRevoked(String identityId, Instant at);
}
