package io.github.orysession.internal.metrics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts what the library does: whoami calls, cache hits and misses, and failures by kind. The counts are always
 * kept here ({@link #count(Event)}); where the server provides MicroProfile Metrics they are also published as
 * counters named {@code ory.session.*} (see {@link MicroProfileMetricsBridge}).
 */
@ApplicationScoped
public class SessionMetrics {

    /** What is counted. */
    public enum Event {
        /** A call to Kratos's whoami. */
        WHOAMI_CALL("ory.session.whoami.calls"),
        /** A session served from the cache. */
        CACHE_HIT("ory.session.cache.hits"),
        /** A cache lookup that had to ask Kratos. */
        CACHE_MISS("ory.session.cache.misses"),
        /**
         * A credential refused without asking Kratos, because Kratos answered {@code 401} for it moments ago (or
         * confirmed its logout): what a client repeating a junk token costs instead of a whoami call.
         */
        REJECTION_HIT("ory.session.cache.rejection-hits"),
        /** Kratos unreachable or timing out, or the circuit breaker open. */
        FAILURE_UNAVAILABLE("ory.session.failures.unavailable"),
        /** Kratos answered 429. */
        FAILURE_RATE_LIMITED("ory.session.failures.rate-limited"),
        /** Kratos answered 5xx or garbage. */
        FAILURE_BAD_RESPONSE("ory.session.failures.bad-response"),
        /** The application's session augmentor failed (503). */
        FAILURE_AUGMENTATION("ory.session.failures.augmentation");

        private final String metricName;

        Event(String metricName) {
            this.metricName = metricName;
        }

        /** The MicroProfile Metrics counter name. */
        public String metricName() {
            return metricName;
        }
    }

    private final Map<Event, LongAdder> counts = new EnumMap<>(Event.class);
    private final List<BiConsumer<Event, Long>> listeners = new CopyOnWriteArrayList<>();

    /** Creates the counters. */
    public SessionMetrics() {
        for (Event event : Event.values()) {
            counts.put(event, new LongAdder());
        }
    }

    /**
     * Counts one event.
     *
     * @param event what happened
     */
    public void record(Event event) {
        counts.get(event).increment();
        for (BiConsumer<Event, Long> listener : listeners) {
            listener.accept(event, 1L);
        }
    }

    /**
     * @param event what to read
     * @return how often it happened since the application started
     */
    public long count(Event event) {
        return counts.get(event).sum();
    }

    void addListener(BiConsumer<Event, Long> listener) {
        listeners.add(listener);
    }
}
