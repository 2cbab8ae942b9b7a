package io.github.orysession.internal.metrics;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Publishes {@link SessionMetrics} as MicroProfile Metrics counters in the application registry. Added by the
 * extension only when the MicroProfile Metrics API is on the server, so servers without it still deploy.
 */
@ApplicationScoped
public class MicroProfileMetricsBridge {

    void publish(@Observes @Initialized(ApplicationScoped.class) Object started, SessionMetrics metrics,
                 Instance<MetricRegistry> registries) {
        if (!registries.isResolvable()) {
            return;
        }
        MetricRegistry registry = registries.get();
        // Looked up once: a registry lookup per event would cost a map search and a name parse on every request.
        Map<SessionMetrics.Event, Counter> counters = new EnumMap<>(SessionMetrics.Event.class);
        for (SessionMetrics.Event event : SessionMetrics.Event.values()) {
            counters.put(event, registry.counter(event.metricName()));
        }
        metrics.addListener((event, amount) -> counters.get(event).inc(amount));
    }
}
