package io.github.orysession.example.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The receiving end of the example's probe REST clients ({@code api/probe}): records every request's host, path,
 * marker and headers, answers {@code 200} with the marker. Bound by the operating system to a free loopback port,
 * kept for the whole test class (never a port picked and released first). The credentials it receives are handed to
 * {@link Secrets}, so that the log scan looks for them too.
 */
final class HeaderRecorder implements AutoCloseable {

    /** One request as received. */
    record Received(Instant at, String host, String path, String marker, Map<String, List<String>> headers) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst();
        }

        /** The bearer token of {@code Authorization}, if any. */
        Optional<String> bearer() {
            return header("Authorization").filter(v -> v.startsWith("Bearer ")).map(v -> v.substring("Bearer ".length()));
        }

        @Override
        public String toString() {
            return "Received[" + host + path + " marker " + marker + ", headers " + headers.keySet() + "]";
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    HeaderRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/", this::record);
        server.setExecutor(threads);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Every request so far whose marker is {@code marker}. */
    List<Received> withMarker(String marker) {
        return received.stream().filter(r -> marker.equals(r.marker())).toList();
    }

    /** The one request with this marker. */
    Received only(String marker) {
        List<Received> calls = withMarker(marker);
        if (calls.size() != 1) {
            throw new AssertionError("expected one call with marker " + marker + ", got " + calls);
        }
        return calls.get(0);
    }

    private void record(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String marker = query != null && query.startsWith("marker=") ? query.substring("marker=".length()) : "";
        Received call = new Received(Instant.now(), exchange.getRequestHeaders().getFirst("Host"),
                exchange.getRequestURI().getRawPath(), marker, Map.copyOf(exchange.getRequestHeaders()));
        call.bearer().ifPresent(Secrets::remember);
        call.header("X-Session-Token").ifPresent(Secrets::remember);
        received.add(call);
        byte[] body = marker.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
