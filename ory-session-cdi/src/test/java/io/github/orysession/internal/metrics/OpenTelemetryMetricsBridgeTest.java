package io.github.orysession.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;

/** The library's counts as OpenTelemetry counters, read back through a real SDK. */
class OpenTelemetryMetricsBridgeTest {

    @Test
    void everyEventIsACounterWithTheMicroProfileMetricsName() {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        try (SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build()) {
            SessionMetrics metrics = new SessionMetrics();
            OpenTelemetryMetricsBridge.register(provider.get(OpenTelemetryMetricsBridge.SCOPE), metrics);

            metrics.record(SessionMetrics.Event.WHOAMI_CALL);
            metrics.record(SessionMetrics.Event.WHOAMI_CALL);
            metrics.record(SessionMetrics.Event.CACHE_MISS);
            metrics.record(SessionMetrics.Event.CACHE_HIT);
            metrics.record(SessionMetrics.Event.CACHE_HIT);
            metrics.record(SessionMetrics.Event.CACHE_HIT);
            metrics.record(SessionMetrics.Event.FAILURE_RATE_LIMITED);

            Map<String, Long> exported = reader.collectAllMetrics().stream()
                    .collect(Collectors.toMap(MetricData::getName, OpenTelemetryMetricsBridgeTest::value));
            assertThat(exported).containsOnly(
                    Map.entry("ory.session.whoami.calls", 2L),
                    Map.entry("ory.session.cache.misses", 1L),
                    Map.entry("ory.session.cache.hits", 3L),
                    Map.entry("ory.session.failures.rate-limited", 1L));
            assertThat(reader.collectAllMetrics()).allSatisfy(metric -> {
                assertThat(metric.getInstrumentationScopeInfo().getName()).isEqualTo("io.github.orysession");
                assertThat(metric.getLongSumData().isMonotonic()).as("%s is a counter", metric.getName()).isTrue();
            });
            assertThat(metrics.count(SessionMetrics.Event.CACHE_HIT)).as("the library's own count too").isEqualTo(3);
        }
    }

    private static long value(MetricData metric) {
        return metric.getLongSumData().getPoints().stream().mapToLong(LongPointData::getValue).sum();
    }
}
