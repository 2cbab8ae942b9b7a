package io.github.orysession.internal.cache;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import javax.cache.Cache;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * This instance's near copies of one of the {@link JCacheSessionStore}'s shared caches: what it read from the data
 * grid, parsed, served without reading the grid again for a short, fixed time (the <em>near time</em>, {@code
 * ory.session.cache.jcache-near-ms}), counted from the moment the read began.
 * <p>
 * This is a lease, not an invalidation: nobody tells an instance that a copy changed. A write that every instance must
 * see at once (a revocation, a logout mark) calls {@link #waitOut()} after the grid took it, and so returns only when
 * every copy read before it, on every instance, is too old to be served. Any read begun after the write sees the
 * write, so once the writer returns no instance serves what it replaced. It holds without any event from the
 * provider (Hazelcast's JCache sends none when it evicts for size, and its synchronous entry listeners wait only for
 * the listeners of the writing member, not for the other members') and whatever an instance's copies hold; it relies
 * only on the instances' clocks advancing at the same rate (they differ by parts per million).
 * <p>
 * A copy whose near time ran out is read again; when the grid still holds the same value, its parsed form is kept, so
 * a hot entry is parsed once per change, not once per request. Bounded by {@code ory.session.cache.max-entries} copies
 * (least recently and frequently used go first), each dropped when unused for the TTL; losing a copy costs a read of
 * the grid and a parse. A near time of zero reads the
 * grid on every call and keeps nothing.
 *
 * @param <T> the parsed value
 */
final class NearCopies<T> {

    /** A value read from the grid, parsed, and the {@link System#nanoTime()} at which the read began. */
    private record Copy<T>(String value, T parsed, long readAt) {
    }

    private final Cache<String, String> grid;
    private final BiFunction<String, String, T> parse;
    private final long nearNanos;
    private final com.github.benmanes.caffeine.cache.Cache<String, Copy<T>> copies;

    /**
     * @param grid the shared cache
     * @param parse reads a key's value of the grid, {@code null} when it is unreadable (then nothing is kept)
     * @param near how long a copy is served, zero for never
     * @param maxEntries the most copies kept
     * @param keep how long a copy is kept after its last use, so that its parsed value can be reused once its near
     *        time ran out (the TTL: no entry of the grid lives longer)
     */
    NearCopies(Cache<String, String> grid, BiFunction<String, String, T> parse, Duration near, long maxEntries, Duration keep) {
        this.grid = grid;
        this.parse = parse;
        this.nearNanos = near.toNanos();
        this.copies = nearNanos == 0 ? null
                : Caffeine.newBuilder().maximumSize(maxEntries).expireAfterAccess(keep).<String, Copy<T>>build();
    }

    /**
     * @param key a key of the shared cache
     * @return the parsed value: this instance's copy while it is younger than the near time, else what the grid holds
     *         now; {@code null} when the grid holds nothing readable
     */
    T get(String key) {
        if (copies == null) {
            String value = grid.get(key);
            return value == null ? null : parse.apply(key, value);
        }
        long now = System.nanoTime();
        Copy<T> held = copies.getIfPresent(key);
        if (held != null && now - held.readAt() < nearNanos) {
            return held.parsed();
        }
        String value = grid.get(key);
        T parsed = value == null ? null : held != null && held.value().equals(value) ? held.parsed() : parse.apply(key, value);
        if (parsed == null) {
            copies.invalidate(key);
        } else {
            copies.put(key, new Copy<>(value, parsed, now));
        }
        return parsed;
    }

    /**
     * Drops this instance's copy after it wrote the key, so that its next read sees its own write. Another
     * instance's copy stays until its near time runs out; a write that must be seen everywhere at once also calls
     * {@link #waitOut()}.
     *
     * @param key a key of the shared cache
     */
    void forget(String key) {
        if (copies != null) {
            copies.invalidate(key);
        }
    }

    /**
     * Waits the near time, after a write to the grid that every instance must see at once: when it returns, no
     * instance holds a copy read before the write that it would still serve. Not interruptible (the write happened
     * and must be waited out); an interruption is kept for the caller.
     */
    void waitOut() {
        if (copies == null) {
            return;
        }
        long deadline = System.nanoTime() + nearNanos;
        boolean interrupted = false;
        for (long left = nearNanos; left > 0; left = deadline - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
