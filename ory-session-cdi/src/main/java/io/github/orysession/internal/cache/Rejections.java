package io.github.orysession.internal.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Credentials Kratos just answered {@code 401} for (it knows no session for them), remembered briefly in this JVM so
 * that a client repeating one junk token costs one whoami call per {@code ttl}, not one per request. On Ory Network
 * those calls count against the project's rate limit, and a flood of them would turn into {@code 429}s for every
 * real user.
 * <p>
 * Only the plain {@code 401} is remembered: never {@code session_aal2_required} (a step-up makes the same token
 * good), never a session Kratos returned that the library found inactive or expired (Kratos knows the credential,
 * so it is no junk; and its verdict rests on this JVM's clock). Kept in this JVM even with the {@code jcache}
 * backend: junk must not push real sessions out of a shared, bounded grid, nor cost a grid write per junk token.
 * Bounded by {@code maxEntries} (least recently and frequently used go first): a flood of <em>distinct</em> junk
 * tokens is not absorbed here, each costs one whoami call.
 */
final class Rejections {

    private final Cache<String, Instant> remembered;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param ttl how long a {@code 401} is remembered; zero remembers nothing
     * @param maxEntries the most credentials remembered
     * @param clock the time source
     */
    Rejections(Duration ttl, long maxEntries, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.remembered = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
    }

    /**
     * @param key a credential fingerprint
     * @return whether Kratos answered {@code 401} for it less than the TTL ago
     */
    boolean contains(String key) {
        Instant until = remembered.getIfPresent(key);
        return until != null && clock.instant().isBefore(until);
    }

    /**
     * @param key a credential fingerprint Kratos answered {@code 401} for, or confirmed as logged out
     */
    void add(String key) {
        if (!ttl.isZero()) {
            remembered.put(key, clock.instant().plus(ttl));
        }
    }

    /** Forgets everything: an extension through the library may have brought an expired session back. */
    void clear() {
        remembered.invalidateAll();
    }

    /** How many credentials are remembered now (after pending evictions), for tests and diagnostics. */
    long size() {
        remembered.cleanUp();
        return remembered.estimatedSize();
    }
}
