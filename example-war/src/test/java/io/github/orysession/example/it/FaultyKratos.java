package io.github.orysession.example.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.orysession.test.kratos.RealKratos;

/**
 * A local stand-in at {@code /sessions/whoami} for the faults the real Kratos will not produce on demand. In
 * {@link Mode#PROXY} it forwards to the real Kratos unchanged, so the same deployment also sees real sessions;
 * every other mode is a fault. In {@link Mode#REDIRECT} whoami, and in {@link Mode#REDIRECT_SESSIONS} the session
 * list ({@code GET /sessions}), answer {@code 307} to a second local server, "elsewhere", that counts every request
 * reaching it: a client that follows Kratos's redirects would send the credential there. Loopback only.
 */
final class FaultyKratos implements AutoCloseable {

    enum Mode { PROXY, HANG, RATE_LIMITED, SERVER_ERROR, GARBAGE, TRUNCATED, EMPTY, REDIRECT, REDIRECT_SESSIONS }

    private static final HttpClient FORWARD = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final HttpServer server;
    private final HttpServer elsewhere;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger hitsElsewhere = new AtomicInteger();
    private volatile Mode mode = Mode.PROXY;
    private volatile CountDownLatch hanging = new CountDownLatch(1);

    FaultyKratos(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/sessions/whoami", this::whoami);
        server.createContext("/sessions", this::sessions);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        // Port 0: the server holds the port it was given, so no other process can take it between pick and use.
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        elsewhere.createContext("/", exchange -> {
            hitsElsewhere.incrementAndGet();
            try (exchange) {
                respond(exchange, 200, "{}");
            }
        });
        elsewhere.start();
    }

    static int port() {
        return Integer.getInteger("fault.stub.port", 14435);
    }

    void mode(Mode next) {
        if (mode == Mode.HANG && next != Mode.HANG) {
            hanging.countDown();
            hanging = new CountDownLatch(1);
        }
        mode = next;
    }

    int hits() {
        return hits.get();
    }

    /** Requests that reached the server Kratos's redirects point at: a client followed one. */
    int hitsElsewhere() {
        return hitsElsewhere.get();
    }

    private void sessions(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (mode == Mode.REDIRECT_SESSIONS) {
                redirect(exchange);
            } else {
                respond(exchange, 404, "{\"error\":{\"code\":404}}");
            }
        }
    }

    private void redirect(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort()
                + exchange.getRequestURI());
        respond(exchange, 307, "");
    }

    private void whoami(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        try (exchange) {
            handle(exchange);
        } catch (IOException | RuntimeException e) {
            System.err.println("FaultyKratos: " + mode + " failed: " + e);
            throw e;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        {
            switch (mode) {
                case PROXY -> forward(exchange);
                case HANG -> hang();
                case RATE_LIMITED -> {
                    exchange.getResponseHeaders().add("Retry-After", "7");
                    respond(exchange, 429, "{\"error\":{\"code\":429,\"status\":\"Too Many Requests\"}}");
                }
                case SERVER_ERROR -> respond(exchange, 500, "{\"error\":{\"code\":500,\"status\":\"Internal Server Error\"}}");
                case GARBAGE -> respond(exchange, 200, "<html><body>502 Bad Gateway (nginx)</body></html>");
                case TRUNCATED -> respond(exchange, 200, "{\"id\":\"8c6b9a9e\",\"active\":true,\"identity\":{\"id\":");
                case EMPTY -> respond(exchange, 200, "");
                case REDIRECT -> redirect(exchange);
                case REDIRECT_SESSIONS -> forward(exchange);
            }
        }
    }

    private void hang() {
        try {
            hanging.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void forward(HttpExchange exchange) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(RealKratos.publicUrl().resolve("/sessions/whoami"))
                .timeout(Duration.ofSeconds(5));
        for (String header : List.of("X-Session-Token", "Cookie", "Authorization")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<String> response = FORWARD.send(request.build(), HttpResponse.BodyHandlers.ofString());
            respond(exchange, response.statusCode(), response.body());
        } catch (IOException e) {
            System.err.println("FaultyKratos: forwarding to the real Kratos failed: " + e);
            respond(exchange, 504, "forwarding failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 500, "interrupted");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        hanging.countDown();
        server.stop(0);
        elsewhere.stop(0);
    }
}
