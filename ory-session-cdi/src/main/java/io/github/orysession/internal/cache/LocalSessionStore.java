package io.github.orysession.internal.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;

/**
 * The in-process store, on Caffeine: bounded to {@code maxEntries} sessions (least recently and frequently used go
 * first), each entry dropped when its own {@link CachedSession#expiresAt()} passes.
 * <p>
 * Revocation records live for the TTL plus the clock allowance, after which every entry they could concern has
 * expired anyway. Should one be pushed out early by a flood of revocations, every cached session is dropped with
 * it: the store never forgets a revocation while keeping a session it concerned.
 */
public final class LocalSessionStore implements SessionStore {

    private final Cache<String, CachedSession> entries;
    private final Cache<String, Instant> revocations;

    /**
     * @param maxEntries the most sessions (and revocation records) held
     * @param ttl the longest an entry is served, which bounds how long a revocation record must live
     * @param clock the time source of the entries' expiry instants
     */
    public LocalSessionStore(long maxEntries, Duration ttl, Clock clock) {
        Cache<String, CachedSession> sessions = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.<String, CachedSession>writing((key, entry) ->
                        positive(Duration.between(clock.instant(), entry.expiresAt()))))
                .build();
        this.entries = sessions;
        this.revocations = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl.plus(SessionCache.CLOCK_ALLOWANCE).plusSeconds(1))
                .removalListener((String key, Instant at, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        sessions.invalidateAll();
                    }
                })
                .executor(Runnable::run)
                .build();
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    @Override
    public CachedSession get(String key) {
        return entries.getIfPresent(key);
    }

    @Override
    public void put(String key, CachedSession entry) {
        entries.put(key, entry);
    }

    @Override
    public void remove(String key) {
        entries.invalidate(key);
    }

    @Override
    public Instant revokedAt(String identityId) {
        return revocations.getIfPresent(identityId);
    }

    @Override
    public void markRevoked(String identityId, Instant at) {
        revocations.asMap().merge(identityId, at, (earlier, later) -> earlier.isAfter(later) ? earlier : later);
    }

    /** How many entries are held now (after pending evictions), for tests and diagnostics. */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
