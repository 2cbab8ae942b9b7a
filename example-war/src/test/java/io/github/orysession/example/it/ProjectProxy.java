package io.github.orysession.example.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The one origin of {@link OryNetworkProject}, as an Ory Network project has one ({@code https://<slug>.projects.oryapis.com}):
 * a reverse proxy in front of a real Kratos that listens on Unix sockets only, so that nothing reaches that Kratos
 * but through here, over loopback.
 * <ul>
 * <li>{@code /admin/...}: Kratos's admin API, only with {@code Authorization: Bearer <the project's API key>}
 * (otherwise {@code 401}, as Ory Network answers); the key is not passed on.</li>
 * <li>{@code /ui/login}, {@code /ui/registration}, ...: the Account Experience's addresses. Here they send the
 * browser, query string and all, to the example's own pages of the same name, which play the Account Experience:
 * without a {@code flow} they start one at Kratos, with one they show its form.</li>
 * <li>everything else: Kratos's public API.</li>
 * </ul>
 * It records, for the tests, what reached {@code /sessions/whoami} (cookie names, and SHA-256 digests of the
 * credentials, never a value) and every admin request (method, path, whether it carried the key). It logs nothing.
 */
final class ProjectProxy implements AutoCloseable {

    /**
     * What one whoami request carried: its cookies' names in order (a repeated one repeated), digests
     * ({@link #digest(String)}) of their values by name, of the {@code X-Session-Token} and of a bearer token.
     */
    record WhoamiCall(List<String> cookieNames, Map<String, String> cookieDigests, String sessionTokenDigest,
                      String bearerDigest, String userAgent) {
    }

    /** One admin request: its method, its path, and whether it carried the project's API key. */
    record AdminCall(String method, String path, boolean authorized) {
    }

    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "content-length", "expect", "proxy-authorization", "proxy-connection");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final URI origin;
    private final Path publicSocket;
    private final Path adminSocket;
    private final URI accountExperience;
    private final List<WhoamiCall> whoamiCalls = new CopyOnWriteArrayList<>();
    private final List<AdminCall> adminCalls = new CopyOnWriteArrayList<>();
    private volatile String apiKey;

    /**
     * @param origin where it listens, such as {@code http://127.0.0.1:14438}
     * @param publicSocket Kratos's public API
     * @param adminSocket Kratos's admin API
     * @param apiKey the one API key the admin API accepts
     * @param accountExperience the application whose {@code /login}, {@code /registration}, ... pages play the
     *        Account Experience
     */
    ProjectProxy(URI origin, Path publicSocket, Path adminSocket, String apiKey, URI accountExperience) throws IOException {
        this.origin = origin;
        this.publicSocket = publicSocket;
        this.adminSocket = adminSocket;
        this.apiKey = apiKey;
        this.accountExperience = accountExperience;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", origin.getPort()), 50);
        } catch (BindException e) {
            throw new IllegalStateException("port " + origin.getPort() + " is taken; choose another with -Dory.network.port=...", e);
        }
        server.createContext("/", exchange -> handle(exchange, this::forwardPublic));
        server.createContext("/admin/", exchange -> handle(exchange, this::forwardAdmin));
        server.createContext("/ui/", exchange -> handle(exchange, this::accountExperience));
        server.setExecutor(executor);
        server.start();
    }

    /** From now on the admin API accepts this key only: as when a key is revoked in the Ory Console and another made. */
    void acceptApiKey(String key) {
        apiKey = key;
    }

    /** Forgets the requests recorded so far. */
    void forget() {
        whoamiCalls.clear();
        adminCalls.clear();
    }

    List<WhoamiCall> whoamiCalls() {
        return List.copyOf(whoamiCalls);
    }

    List<AdminCall> adminCalls() {
        return List.copyOf(adminCalls);
    }

    /** The lowercase hex SHA-256 of a credential, as recorded: the tests compare digests, never values. */
    static String digest(String credential) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            handler.handle(exchange);
        } catch (IOException | RuntimeException e) {
            System.err.println("ProjectProxy: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + " failed: " + e.getClass().getName());
            throw e;
        }
    }

    private void forwardPublic(HttpExchange exchange) throws IOException {
        if ("/sessions/whoami".equals(exchange.getRequestURI().getRawPath())) {
            whoamiCalls.add(whoamiCall(exchange));
        }
        forward(exchange, publicSocket, false);
    }

    private void forwardAdmin(HttpExchange exchange) throws IOException {
        boolean authorized = ("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        adminCalls.add(new AdminCall(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), authorized));
        if (!authorized) {
            respond(exchange, 401, "application/json", "{\"error\":{\"code\":401,\"status\":\"Unauthorized\","
                    + "\"message\":\"The request could not be authorized\"}}");
            return;
        }
        forward(exchange, adminSocket, true);
    }

    private void accountExperience(HttpExchange exchange) throws IOException {
        String page = exchange.getRequestURI().getRawPath().substring("/ui/".length());
        if (!Set.of("login", "registration", "settings", "recovery", "verification", "error").contains(page)) {
            respond(exchange, 404, "text/plain", "no such page");
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        exchange.getResponseHeaders().add("Location", accountExperience + "/" + page + (query == null ? "" : "?" + query));
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(303, -1);
    }

    private void forward(HttpExchange exchange, Path socket, boolean admin) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !(admin && lower.equals("authorization"))) {
                values.forEach(value -> headers.add(Map.entry(name, value)));
            }
        });
        headers.add(Map.entry("Host", origin.getAuthority()));
        headers.add(Map.entry("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress()));
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        UnixSocketHttp.Answer answer;
        try {
            answer = UnixSocketHttp.send(socket, exchange.getRequestMethod(), target, headers,
                    exchange.getRequestBody().readAllBytes(), TIMEOUT);
        } catch (IOException e) {
            respond(exchange, 502, "text/plain", "Kratos did not answer: " + e.getClass().getSimpleName());
            return;
        }
        for (Map.Entry<String, String> header : answer.headers()) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().add(header.getKey(), header.getValue());
            }
        }
        boolean noBody = answer.body().length == 0 || "HEAD".equals(exchange.getRequestMethod())
                || answer.status() == 204 || answer.status() == 304;
        exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    private static WhoamiCall whoamiCall(HttpExchange exchange) {
        List<String> names = new ArrayList<>();
        Map<String, String> digests = new LinkedHashMap<>();
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    names.add(pair.substring(0, equals).trim());
                    digests.put(pair.substring(0, equals).trim(), digest(pair.substring(equals + 1).trim()));
                }
            }
        }
        String token = exchange.getRequestHeaders().getFirst("X-Session-Token");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? digest(authorization.substring(7).trim()) : null;
        return new WhoamiCall(List.copyOf(names), digests, token == null ? null : digest(token), bearer,
                exchange.getRequestHeaders().getFirst("User-Agent"));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
