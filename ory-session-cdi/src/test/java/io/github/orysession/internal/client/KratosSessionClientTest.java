package io.github.orysession.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.KratosBadResponseException;
import io.github.orysession.KratosRateLimitedException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.RefusalReason;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.CookieNames;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.metrics.SessionMetrics;
import io.github.orysession.internal.metrics.SessionMetrics.Event;

/**
 * The client against a local stub, for what a real Kratos will not do on demand: fail, hang, rate-limit and
 * answer garbage. The happy path against the real Kratos is in the example's integration tests.
 */
class KratosSessionClientTest {

    private static final String SESSION = """
            {"id":"s1","active":true,"expires_at":"2999-01-01T00:00:00Z","authenticator_assurance_level":"aal1",
             "identity":{"id":"i1","traits":{"email":"a@example.com"}}}""";

    private HttpServer server;
    private final SessionMetrics metrics = new SessionMetrics();
    private final AtomicReference<Headers> lastRequest = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aValidSessionIsReturnedWithTheCookiesKratosSet() throws IOException {
        KratosSessionClient client = stub(exchange -> {
            exchange.getResponseHeaders().add("Set-Cookie", "ory_kratos_session=refreshed; Path=/; HttpOnly");
            respond(exchange, 200, SESSION);
        });

        WhoamiResult result = client.whoami(Credentials.ofToken("tok"));

        assertThat(result.session().identity().id()).isEqualTo("i1");
        assertThat(result.setCookies()).containsExactly("ory_kratos_session=refreshed; Path=/; HttpOnly");
        assertThat(lastRequest.get().getFirst("X-Session-Token")).isEqualTo("tok");
        assertThat(lastRequest.get().getFirst("Cookie")).as("no cookie sent with a token").isNull();
    }

    @Test
    void oryCacheForIsReadFromTheAnswer() throws IOException {
        KratosSessionClient client = stub(exchange -> {
            exchange.getResponseHeaders().add("Ory-Session-Cache-For", "42");
            respond(exchange, 200, SESSION);
        });

        assertThat(client.whoami(Credentials.ofToken("tok")).cacheForIfAny()).contains(Duration.ofSeconds(42));
    }

    @Test
    void aMissingOrBrokenCacheForIsAbsent() throws IOException {
        KratosSessionClient client = stub(exchange -> {
            exchange.getResponseHeaders().add("Ory-Session-Cache-For", "soon");
            respond(exchange, 200, SESSION);
        });

        assertThat(client.whoami(Credentials.ofToken("tok")).cacheForIfAny()).isEmpty();
    }

    @Test
    void onlyTheSessionCookiesAreForwarded() throws IOException {
        KratosSessionClient client = stub(exchange -> respond(exchange, 200, SESSION));
        Credentials credentials = new io.github.orysession.internal.credentials.CredentialExtractor(
                new CookieNames(List.of("ory_kratos_session"))).extract(List.of(), List.of(),
                List.of("app_session=private; ory_kratos_session=abc; other=1"));

        client.whoami(credentials);

        assertThat(lastRequest.get().get("Cookie")).containsExactly("ory_kratos_session=abc");
        assertThat(lastRequest.get().getFirst("X-Session-Token")).isNull();
    }

    @Test
    void noCredentialsNeverCallKratos() throws IOException {
        KratosSessionClient client = stub(exchange -> respond(exchange, 500, "should not be called"));

        assertThat(client.whoami(Credentials.none()).rejection()).isEqualTo(RefusalReason.NO_CREDENTIALS);
        assertThat(lastRequest.get()).isNull();
    }

    @Test
    void unauthorizedIsNoSession() throws IOException {
        KratosSessionClient client = stub(exchange -> respond(exchange, 401,
                "{\"error\":{\"code\":401,\"status\":\"Unauthorized\",\"reason\":\"No valid session credentials found in the request.\"}}"));

        assertThat(client.whoami(Credentials.ofToken("tok")).rejection()).isEqualTo(RefusalReason.INVALID_SESSION);
    }

    @Test
    void anInactiveSessionIsNoSession() throws IOException {
        KratosSessionClient client = stub(exchange -> respond(exchange, 200, SESSION.replace("\"active\":true", "\"active\":false")));

        WhoamiResult result = client.whoami(Credentials.ofToken("tok"));

        assertThat(result.session()).isNull();
        assertThat(result.rejection()).isEqualTo(RefusalReason.INACTIVE_SESSION);
    }

    @Test
    void anExpiredSessionIsNoSessionEvenIfKratosSaysActive() throws IOException {
        KratosSessionClient client = stub(exchange -> respond(exchange, 200, SESSION.replace("2999", "2000")));

        assertThat(client.whoami(Credentials.ofToken("tok")).rejection()).isEqualTo(RefusalReason.INACTIVE_SESSION);
    }

    @Test
    void serverErrorsAreBadGatewayNotUnauthenticated() throws IOException {
        KratosSessionClient client = stub(exchange -> respond(exchange, 500, "{\"error\":{\"code\":500}}"));

        assertThatThrownBy(() -> client.whoami(Credentials.ofToken("tok")))
                .isInstanceOf(KratosBadResponseException.class).hasMessageContaining("500");
    }

    @Test
    void garbageIsBadGateway() throws IOException {
        KratosSessionClient client = stub(exchange -> respond(exchange, 200, "<html>proxy error</html>"));

        assertThatThrownBy(() -> client.whoami(Credentials.ofToken("tok"))).isInstanceOf(KratosBadResponseException.class);
    }

    @Test
    void rateLimitingPassesRetryAfterOn() throws IOException {
        KratosSessionClient client = stub(exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "7");
            respond(exchange, 429, "{}");
        });

        assertThatThrownBy(() -> client.whoami(Credentials.ofToken("tok")))
                .isInstanceOfSatisfying(KratosRateLimitedException.class, e -> assertThat(e.retryAfter()).contains("7"));
    }

    @Test
    void aHangingKratosIsUnavailableAfterTheReadTimeout() throws IOException {
        AtomicLong received = new AtomicLong();
        KratosSessionClient client = stub(exchange -> {
            received.set(System.nanoTime());
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThatThrownBy(() -> client.whoami(Credentials.ofToken("tok"))).isInstanceOf(KratosUnavailableException.class);
        // Measured from Kratos receiving the call, not from the test's start: building the first REST client loads
        // classes for seconds on a loaded machine, which says nothing about the read timeout.
        assertThat(Duration.ofNanos(System.nanoTime() - received.get())).as("gave up at the read timeout, 700 ms")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUnreachableKratosIsUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        KratosSessionClient client = new KratosSessionClient(config(URI.create("http://127.0.0.1:" + port)), new SessionMetrics());

        assertThatThrownBy(() -> client.whoami(Credentials.ofToken("secret-token-value")))
                .isInstanceOf(KratosUnavailableException.class)
                .hasMessageNotContaining("secret-token-value");
    }

    @Test
    void aDeadKratosOpensTheBreakerSoRequestsFailFastThenRecover() throws IOException {
        java.util.concurrent.atomic.AtomicBoolean healthy = new java.util.concurrent.atomic.AtomicBoolean(false);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sessions/whoami", exchange -> {
            calls.incrementAndGet();
            respond(exchange, healthy.get() ? 200 : 503, healthy.get() ? SESSION : "down");
            exchange.close();
        });
        server.start();
        KratosSessionClient client = new KratosSessionClient(OryConfig.defaults(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort())).withBreaker(2, Duration.ofMillis(300)), metrics);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.whoami(Credentials.ofToken("tok"))).as("call %s while Kratos fails", i)
                    .isInstanceOf(io.github.orysession.OrySessionException.class)
                    .isNotInstanceOf(io.github.orysession.UnauthenticatedException.class);
        }
        assertThat(calls.get()).as("only the calls before the breaker opened reached Kratos").isEqualTo(2);
        assertThat(client.isCircuitOpen()).isTrue();
        assertThat(client.probe()).as("readiness while open").contains("circuit breaker open");

        healthy.set(true);
        await(Duration.ofMillis(350));

        assertThat(client.whoami(Credentials.ofToken("tok")).session()).as("after Kratos recovered").isNotNull();
        assertThat(client.isCircuitOpen()).isFalse();
        assertThat(client.probe()).as("readiness after recovery").isNull();
    }

    @Test
    void aTrialCallEndedByAnErrorDoesNotLeaveTheBreakerOpen() throws IOException {
        AtomicBoolean healthy = new AtomicBoolean(false);
        AtomicBoolean listenerThrows = new AtomicBoolean(false);
        SessionMetrics throwingMetrics = new SessionMetrics() {
            @Override
            public void record(Event event) {
                if (event == Event.WHOAMI_CALL && listenerThrows.get()) {
                    throw new AssertionError("a metrics listener failed");
                }
                super.record(event);
            }
        };
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sessions/whoami", exchange -> {
            respond(exchange, healthy.get() ? 200 : 500, healthy.get() ? SESSION : "down");
            exchange.close();
        });
        server.start();
        KratosSessionClient client = new KratosSessionClient(config(URI.create("http://127.0.0.1:"
                + server.getAddress().getPort())).withBreaker(1, Duration.ofMillis(200)), throwingMetrics);
        assertThatThrownBy(() -> client.whoami(Credentials.ofToken("tok"))).isInstanceOf(KratosBadResponseException.class);
        assertThat(client.isCircuitOpen()).as("open after one failure").isTrue();
        await(Duration.ofMillis(250));

        listenerThrows.set(true);
        assertThatThrownBy(() -> client.whoami(Credentials.ofToken("tok"))).as("the trial call")
                .isInstanceOf(AssertionError.class);
        listenerThrows.set(false);
        healthy.set(true);

        assertThat(client.whoami(Credentials.ofToken("tok")).session())
                .as("the next call asks Kratos at once: the failed trial did not keep the breaker half-open").isNotNull();
        assertThat(client.isCircuitOpen()).isFalse();
    }

    @Test
    void readinessFindsKratosBackWithoutAnyRequest() throws IOException {
        AtomicBoolean healthy = new AtomicBoolean(false);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sessions/whoami", exchange -> {
            respond(exchange, healthy.get() ? 401 : 503, "{}");
            exchange.close();
        });
        server.start();
        KratosSessionClient client = new KratosSessionClient(config(URI.create("http://127.0.0.1:"
                + server.getAddress().getPort())).withBreaker(1, Duration.ofMillis(200)), metrics);
        assertThatThrownBy(() -> client.whoami(Credentials.ofToken("tok"))).isInstanceOf(KratosBadResponseException.class);
        assertThat(client.probe()).as("readiness while open").contains("circuit breaker open");

        healthy.set(true);
        await(Duration.ofMillis(250));

        assertThat(client.probe()).as("readiness once a trial is due, though no request came (an unready instance gets none)")
                .isNull();
        assertThat(client.isCircuitOpen()).as("the probe was the trial, and closed the breaker").isFalse();
    }

    @Test
    void callsAndFailuresAreCounted() throws IOException {
        KratosSessionClient client = stub(exchange -> respond(exchange, 500, "boom"));

        assertThatThrownBy(() -> client.whoami(Credentials.ofToken("tok"))).isInstanceOf(KratosBadResponseException.class);

        assertThat(metrics.count(SessionMetrics.Event.WHOAMI_CALL)).isEqualTo(1);
        assertThat(metrics.count(SessionMetrics.Event.FAILURE_BAD_RESPONSE)).isEqualTo(1);
        assertThat(metrics.count(SessionMetrics.Event.FAILURE_UNAVAILABLE)).isZero();
    }

    private static void await(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private KratosSessionClient stub(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sessions/whoami", exchange -> {
            lastRequest.set(exchange.getRequestHeaders());
            handler.handle(exchange);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return new KratosSessionClient(config(URI.create("http://127.0.0.1:" + server.getAddress().getPort())), metrics);
    }

    private static OryConfig config(URI url) {
        return OryConfig.defaults(url).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(700));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
