package io.github.orysession.internal.metrics;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;

/**
 * Publishes {@link SessionMetrics} as OpenTelemetry counters, with the same names as the MicroProfile Metrics
 * counters ({@code ory.session.whoami.calls}, ...), on servers with MicroProfile Telemetry and without MicroProfile
 * Metrics (MicroProfile 7 dropped Metrics from the platform). Added by the extension only on such servers, so
 * servers without the OpenTelemetry API still deploy. Where the counters go (OTLP, the log, ...) is the server's
 * OpenTelemetry configuration; with the SDK off ({@code otel.sdk.disabled=true}, MicroProfile Telemetry's default)
 * they go nowhere.
 */
@ApplicationScoped
public class OpenTelemetryMetricsBridge {

    /** The instrumentation scope of the counters. */
    static final String SCOPE = "io.github.orysession";

    void publish(@Observes @Initialized(ApplicationScoped.class) Object started, SessionMetrics metrics,
                 Instance<OpenTelemetry> telemetry) {
        if (!telemetry.isResolvable()) {
            return;
        }
        register(telemetry.get().getMeter(SCOPE), metrics);
    }

    /**
     * Creates one counter per event and adds to it whatever {@code metrics} counts from now on.
     *
     * @param meter where the counters live
     * @param metrics the library's counts
     */
    static void register(Meter meter, SessionMetrics metrics) {
        // Built once: an instrument lookup per event would cost a map search on every request.
        Map<SessionMetrics.Event, LongCounter> counters = new EnumMap<>(SessionMetrics.Event.class);
        for (SessionMetrics.Event event : SessionMetrics.Event.values()) {
            counters.put(event, meter.counterBuilder(event.metricName()).build());
        }
        metrics.addListener((event, amount) -> counters.get(event).add(amount));
    }
}
