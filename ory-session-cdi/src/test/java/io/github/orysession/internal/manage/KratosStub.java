package io.github.orysession.internal.manage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.orysession.internal.config.OryConfig;

/**
 * A local stand-in for Kratos that answers what a test tells it to, including what the real Kratos will not do on
 * demand (fail, hang, rate-limit, answer garbage, refuse an API key), and records every request it gets.
 */
public final class KratosStub implements AutoCloseable {

    /** One request as the stub received it. */
    public record Request(String method, String path, String query, Headers headers, String body) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** What the stub answers. */
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    public KratosStub(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
            handler.handle(exchange);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** A stub that answers every request with this status and body. */
    public static KratosStub answering(int status, String body) throws IOException {
        return new KratosStub(exchange -> respond(exchange, status, body));
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Timeouts generous enough for a loaded build machine. */
    public OryConfig config() {
        return OryConfig.defaults(url()).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    /** Short timeouts, so that a hang fails fast. */
    public OryConfig impatientConfig() {
        return OryConfig.defaults(url()).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(700));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request last() {
        return requests.get(requests.size() - 1);
    }

    /** Blocks the calling handler until the test ends. */
    public void hang() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }

    public static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** A session as Kratos sends it, with an identity. */
    public static String session(String id, String identityId) {
        return """
                {"id":"%s","active":true,"expires_at":"2999-01-01T00:00:00Z","authenticator_assurance_level":"aal1",
                 "devices":[{"id":"d1","ip_address":"127.0.0.1","user_agent":"test"}],
                 "identity":{"id":"%s","traits":{"email":"a@example.com"}}}""".formatted(id, identityId);
    }

    /** A JSON array of sessions of one identity. */
    public static String sessions(String identityId, String... ids) {
        StringBuilder json = new StringBuilder("[");
        for (String id : ids) {
            json.append(json.length() > 1 ? "," : "").append(session(id, identityId));
        }
        return json.append(']').toString();
    }
}
