package io.github.orysession.internal.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * The in-process store, on Caffeine: bounded to {@code maxEntries} sessions (least recently and frequently used go
 * first), each entry dropped when its own {@link StoreEntry#expiresAt()} passes.
 * <p>
 * The identities' states ({@link IdentityState}) are bounded the same way and live as long as they are used, at
 * least the TTL plus the clock allowance after their last use, so longer than any entry written under them. Should
 * one be pushed out early (a flood of revocations or of distinct identities), its entries are misses from then on:
 * the store never forgets a revocation while keeping a session it concerned.
 */
public final class LocalSessionStore implements SessionStore {

    private final Cache<String, StoreEntry> entries;
    private final Cache<String, IdentityState> identities;
    private final Clock clock;

    /**
     * @param maxEntries the most sessions (and identity states) held
     * @param ttl the longest an entry is served, which bounds how long an identity's state must live
     * @param clock the time source of the entries' expiry instants
     */
    public LocalSessionStore(long maxEntries, Duration ttl, Clock clock) {
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.<String, StoreEntry>writing((key, entry) ->
                        positive(Duration.between(clock.instant(), entry.expiresAt()))))
                .build();
        this.identities = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterAccess(ttl.plus(SessionCache.CLOCK_ALLOWANCE).plusSeconds(1))
                .build();
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    @Override
    public StoreEntry get(String key) {
        return entries.getIfPresent(key);
    }

    @Override
    public void put(String key, StoreEntry entry) {
        entries.asMap().compute(key, (k, held) -> entry instanceof CachedSession && isMark(held) ? held : entry);
    }

    @Override
    public void remove(String key) {
        entries.asMap().computeIfPresent(key, (k, held) -> isMark(held) ? held : null);
    }

    @Override
    public void removeStale(String key, CachedSession unusable) {
        entries.asMap().computeIfPresent(key,
                (k, held) -> held instanceof CachedSession entry && entry.sameFill(unusable) ? null : held);
    }

    private boolean isMark(StoreEntry held) {
        return held instanceof LogoutMark mark && clock.instant().isBefore(mark.expiresAt());
    }

    @Override
    public IdentityState identity(String identityId) {
        return identities.getIfPresent(identityId);
    }

    @Override
    public IdentityState identityForWriting(String identityId) {
        return identities.get(identityId, id -> IdentityState.fresh());
    }

    @Override
    public void markRevoked(String identityId, Instant at) {
        identities.asMap().compute(identityId, (id, held) -> held == null
                ? IdentityState.fresh().revokedAt(at) : held.revokedAt(at));
    }

    /** How many entries are held now (after pending evictions), for tests and diagnostics. */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
