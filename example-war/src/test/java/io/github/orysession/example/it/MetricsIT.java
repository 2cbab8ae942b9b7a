package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * The library's counters as the server itself publishes them: MicroProfile Metrics' Prometheus endpoint where the
 * server has MicroProfile Metrics (Payara Micro 6 and 7), OpenTelemetry through MicroProfile Telemetry where it has
 * Telemetry and no Metrics (Open Liberty with the MicroProfile 7.1 features, WildFly), exported to the server's log by
 * the SDK's logging exporter. The changes are checked against the whoami calls Kratos itself logged.
 * <p>
 * The deployment turns the OpenTelemetry SDK on with the logging exporter ({@code otel.*} in its
 * microprofile-config.properties; MicroProfile Telemetry's SDK is off by default): WildFly reads them from the
 * application, Open Liberty from {@code src/main/liberty/mp7/server.env} (the same settings, server-wide).
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
@Tag(TargetServer.COMPAT)
class MetricsIT {

    private static final List<String> COUNTERS = List.of("ory.session.whoami.calls", "ory.session.cache.hits",
            "ory.session.cache.misses");
    /** The export interval of the OpenTelemetry configurations (otel.metric.export.interval). */
    private static final Duration EXPORT_INTERVAL = Duration.ofMillis(2000);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleVariants.withConfig(ExampleDeployment.war(),
                "otel.sdk.disabled=false",
                "otel.metrics.exporter=logging",
                "otel.traces.exporter=none",
                "otel.logs.exporter=none",
                "otel.metric.export.interval=" + EXPORT_INTERVAL.toMillis());
    }

    @Test
    void whoamiCallsAndCacheHitsAndMissesAreCountedWhereTheServerPublishesMetrics() throws Exception {
        Source source = Source.of(TargetServer.current(), base);
        Assumptions.assumeTrue(source != null, () -> TargetServer.current()
                + " has neither MicroProfile Metrics nor MicroProfile Telemetry as configured here: the library counts"
                + " without publishing, and the application deploys and works all the same (every other test here)");
        KratosTestClient.Registered user = new KratosTestClient().register();
        AppClient app = new AppClient(base);
        Map<String, Long> before = source.settled();
        long kratosBefore = KratosLog.whoamiCallsFromApplications();

        // A new session: a miss and a whoami call, then hits (well inside the cache TTL of the tests), then a token
        // Kratos refuses: another miss and call, never cached.
        assertThat(app.get("api/me", "X-Session-Token", user.sessionToken()).statusCode()).as("first request").isEqualTo(200);
        assertThat(app.get("api/me", "X-Session-Token", user.sessionToken()).statusCode()).as("second").isEqualTo(200);
        assertThat(app.get("api/me", "X-Session-Token", user.sessionToken()).statusCode()).as("third").isEqualTo(200);
        assertThat(app.get("api/me", "X-Session-Token", "ory_st_notASessionnotASessionnotASess0").statusCode())
                .as("a token Kratos refuses").isEqualTo(401);

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("ory.session.whoami.calls", before.get("ory.session.whoami.calls") + 2);
        expected.put("ory.session.cache.hits", before.get("ory.session.cache.hits") + 2);
        expected.put("ory.session.cache.misses", before.get("ory.session.cache.misses") + 2);
        Map<String, Long> after = source.awaitAtLeast(expected);

        assertThat(after).as("%s's counters, which were %s before (%s)", TargetServer.current(), before, source)
                .isEqualTo(expected);
        assertThat(KratosLog.whoamiCallsFromApplications() - kratosBefore).as("whoami calls Kratos logged meanwhile")
                .isEqualTo(2);
    }

    /** Where a server publishes the counters. */
    private abstract static class Source {

        /** The counters now, once nothing is left to publish from before; 0 for a counter not published yet. */
        abstract Map<String, Long> settled() throws Exception;

        /** The counters once each has reached {@code expected}, or as they are after a while. */
        abstract Map<String, Long> awaitAtLeast(Map<String, Long> expected) throws Exception;

        static Source of(TargetServer server, URL base) {
            return switch (server) {
                case PAYARA, PAYARA7 -> new Prometheus(Loopback.of(base).resolve("/metrics?scope=application"));
                case LIBERTY_MP7 -> new OpenTelemetryLog(server.logDirs().get(0).resolve("messages.log"));
                case WILDFLY, WILDFLY_PREVIEW -> new OpenTelemetryLog(server.logDirs().get(0).resolve("server.log"));
                case LIBERTY -> null;
            };
        }

        static boolean reached(Map<String, Long> now, Map<String, Long> expected) {
            return expected.entrySet().stream().allMatch(e -> now.get(e.getKey()) >= e.getValue());
        }
    }

    /** MicroProfile Metrics' Prometheus text: {@code ory_session_whoami_calls_total{mp_scope="application"} 2.0}. */
    private static final class Prometheus extends Source {
        private final URI endpoint;

        Prometheus(URI endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        Map<String, Long> settled() throws Exception {
            return read();
        }

        @Override
        Map<String, Long> awaitAtLeast(Map<String, Long> expected) throws Exception {
            // Counted while the request is served: there by the time its answer is.
            return read();
        }

        private Map<String, Long> read() throws Exception {
            HttpResponse<String> response = TestHttp.client().send(HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", endpoint, response.body()).isEqualTo(200);
            Map<String, Long> values = new LinkedHashMap<>();
            for (String counter : COUNTERS) {
                String name = counter.replace('.', '_').replace('-', '_') + "_total";
                Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})?\\s+(\\S+)$")
                        .matcher(response.body());
                assertThat(value.find()).as("%s in %s: %s", name, endpoint, response.body()).isTrue();
                values.put(counter, (long) Double.parseDouble(value.group(1)));
            }
            return values;
        }

        @Override
        public String toString() {
            return endpoint.toString();
        }
    }

    /**
     * The OpenTelemetry SDK's logging exporter in the server's log, one line per metric and export:
     * {@code ... name=ory.session.whoami.calls, ..., value=2, ...}, cumulative. A counter that never counted is not
     * exported at all.
     */
    private static final class OpenTelemetryLog extends Source {
        private final Path log;

        OpenTelemetryLog(Path log) {
            this.log = log;
        }

        /**
         * What the first exports after now say: the deployment just finished, so every count from before (an earlier
         * deployment on the same server, whose counts an SDK shared by the server keeps) has been counted by then.
         * A counter without an export within three intervals has not counted on this SDK.
         */
        @Override
        Map<String, Long> settled() throws Exception {
            long from = size();
            Map<String, Long> values = new LinkedHashMap<>();
            long deadline = System.nanoTime() + EXPORT_INTERVAL.multipliedBy(3).toNanos();
            do {
                Thread.sleep(200);
                for (String counter : COUNTERS) {
                    if (!values.containsKey(counter)) {
                        last(counter, from).ifPresent(v -> values.put(counter, v));
                    }
                }
            } while (values.size() < COUNTERS.size() && System.nanoTime() < deadline);
            COUNTERS.forEach(counter -> values.putIfAbsent(counter, 0L));
            return values;
        }

        @Override
        Map<String, Long> awaitAtLeast(Map<String, Long> expected) throws Exception {
            long from = size();
            long deadline = System.nanoTime() + EXPORT_INTERVAL.multipliedBy(10).toNanos();
            Map<String, Long> now;
            do {
                Thread.sleep(200);
                now = new LinkedHashMap<>();
                for (String counter : COUNTERS) {
                    now.put(counter, last(counter, from).orElse(-1));
                }
            } while (!reached(now, expected) && System.nanoTime() < deadline);
            // One export later, to see that nothing more was counted than expected.
            Thread.sleep(EXPORT_INTERVAL.multipliedBy(2).toMillis());
            for (String counter : COUNTERS) {
                now.put(counter, last(counter, from).orElse(-1));
            }
            return now;
        }

        private long size() throws IOException {
            return Files.exists(log) ? Files.size(log) : 0;
        }

        /** The value of the last export of {@code counter} written at or after byte {@code from} of the log. */
        private OptionalLong last(String counter, long from) throws IOException {
            if (!Files.exists(log)) {
                return OptionalLong.empty();
            }
            String text;
            try (var in = Files.newInputStream(log)) {
                in.skipNBytes(Math.min(from, Files.size(log)));
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // Whole lines only: the server may be writing the last one (a value cut short would read as another).
            text = text.substring(0, text.lastIndexOf('\n') + 1);
            Matcher export = Pattern.compile("name=" + Pattern.quote(counter) + ",[^\\n]*?[ {]value=(\\d+)").matcher(text);
            OptionalLong value = OptionalLong.empty();
            while (export.find()) {
                value = OptionalLong.of(Long.parseLong(export.group(1)));
            }
            return value;
        }

        @Override
        public String toString() {
            return "OpenTelemetry's logging exporter in " + log;
        }
    }
}
