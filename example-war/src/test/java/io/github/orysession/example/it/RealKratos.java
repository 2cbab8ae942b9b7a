package io.github.orysession.example.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real Ory Kratos (built from the Go module proxy by {@code kratos/build.sh}) once per test JVM,
 * with the project's config, on the ports the build gives it. Its SQLite database is a file in
 * {@code target/server-logs} (fresh for each run), so that {@link #stop()} and {@link #start()} can take Kratos
 * away and bring it back with its sessions intact. It is stopped when the JVM exits. Its log goes to
 * {@code target/server-logs/kratos.log}.
 * <p>
 * Kratos's self-service UIs (login, registration, settings, error), its default and allowed return URLs point at
 * {@link #appUrl()} (the system property {@code kratos.app.url}, set per server by the pom): the example deployed on
 * a fixed port, which the browser tests use (as {@code kratos/start.sh} does with {@code KRATOS_APP_URL}).
 */
public final class RealKratos implements BeforeAllCallback {

    private static Process process;
    private static Path binary;
    private static String dsn;

    /** The public API, for example {@code http://127.0.0.1:14433}. */
    public static URI publicUrl() {
        return URI.create("http://127.0.0.1:" + System.getProperty("kratos.public.port", "14433"));
    }

    /**
     * The example's pages as Kratos sends browsers to them, for example {@code http://127.0.0.1:18480/example}: the
     * deployment on the server's fixed port ({@code fixed-port} in arquillian.xml).
     */
    public static URI appUrl() {
        String url = System.getProperty("kratos.app.url");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("kratos.app.url is not set for the integration tests (see the pom)");
        }
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /**
     * The example deployed on the server's fixed port ({@code fixed-port} in arquillian.xml), as a base URL ending in
     * {@code /}: {@link #appUrl()}. The browser tests use it rather than the URL Arquillian reports, because it is
     * where Kratos sends browsers, and because the Payara Micro adapter now and then reports a freshly started
     * deployment without its context root (it reads the context root from Payara's console output while that is
     * still being written).
     */
    public static URI fixedPortApp() {
        return URI.create(appUrl() + "/");
    }

    /** The admin API, for example {@code http://127.0.0.1:14434}. */
    public static URI adminUrl() {
        return URI.create("http://127.0.0.1:" + System.getProperty("kratos.admin.port", "14434"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    /** Starts Kratos, or does nothing when it runs already. */
    public static synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        ServerLogs.capture();
        Path dir = Path.of(System.getProperty("kratos.dir", "../kratos")).toAbsolutePath().normalize();
        Path logs = ServerLogs.dir();
        if (binary == null) {
            binary = build(dir, logs);
            dsn = freshDatabase(logs.resolve("kratos.sqlite"));
            migrate(dir, dsn, "kratos.log");
        }
        requireFree(publicUrl().getPort());
        requireFree(adminUrl().getPort());
        process = serve(dir, dsn, listeningOn(publicUrl(), adminUrl()), "kratos.log").start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
        awaitReady(process, publicUrl(), Duration.ofSeconds(60));
    }

    /**
     * Starts another Kratos on the same database file (so it knows the same identities and sessions) and the same
     * configuration, changed by {@code overrides} (Kratos reads any config key from the environment), on its own
     * ports. The caller stops it.
     *
     * @param publicUrl its public API
     * @param adminUrl its admin API
     * @param overrides environment variables such as {@code SESSION_WHOAMI_REQUIRED_AAL}
     * @param logName its log file in {@code target/server-logs}
     * @return the running, ready Kratos
     */
    static synchronized Process startSibling(URI publicUrl, URI adminUrl, Map<String, String> overrides, String logName)
            throws IOException, InterruptedException {
        start();
        requireFree(publicUrl.getPort());
        requireFree(adminUrl.getPort());
        Map<String, String> environment = new HashMap<>(listeningOn(publicUrl, adminUrl));
        environment.putAll(overrides);
        return startSibling(environment, null, publicUrl, logName);
    }

    /**
     * Starts another Kratos with the same binary and configuration, changed by {@code environment}, which also says
     * where it listens ({@code SERVE_PUBLIC_HOST}, {@code SERVE_PUBLIC_PORT}, ... ; Kratos also listens on a Unix
     * socket, {@code unix:/path}) and which base URLs it puts in the links it hands out. The caller stops it.
     *
     * @param environment Kratos's config keys as environment variables, over this project's {@code kratos.yml} and
     *        the UI URLs of {@link #appUrl()}
     * @param database {@code null} for the main Kratos's database; otherwise the name of a database of its own in
     *        {@code target/server-logs}, such as {@code kratos-network.sqlite}, made afresh and migrated now
     * @param readyUrl where its {@code /health/ready} answers once it is up
     * @param logName its log file in {@code target/server-logs}
     * @return the running, ready Kratos
     */
    static synchronized Process startSibling(Map<String, String> environment, String database, URI readyUrl, String logName)
            throws IOException, InterruptedException {
        start();
        Path dir = Path.of(System.getProperty("kratos.dir", "../kratos")).toAbsolutePath().normalize();
        String siblingDsn = dsn;
        if (database != null) {
            siblingDsn = freshDatabase(ServerLogs.dir().resolve(database));
            migrate(dir, siblingDsn, logName);
        }
        Process sibling = serve(dir, siblingDsn, environment, logName).start();
        Runtime.getRuntime().addShutdownHook(new Thread(sibling::destroy));
        awaitReady(sibling, readyUrl, Duration.ofSeconds(60));
        return sibling;
    }

    /** Where a Kratos listens and the base URLs it hands out: loopback TCP, the given ports. */
    private static Map<String, String> listeningOn(URI publicUrl, URI adminUrl) {
        return Map.of("SERVE_PUBLIC_PORT", String.valueOf(publicUrl.getPort()),
                "SERVE_PUBLIC_BASE_URL", publicUrl + "/",
                "SERVE_ADMIN_PORT", String.valueOf(adminUrl.getPort()),
                "SERVE_ADMIN_BASE_URL", adminUrl + "/");
    }

    private static ProcessBuilder serve(Path dir, String dsn, Map<String, String> environment, String logName)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "serve", "--dev", "--watch-courier",
                "--sqa-opt-out", "-c", dir.resolve("kratos.yml").toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(ServerLogs.dir().resolve(logName).toFile()));
        Map<String, String> env = builder.environment();
        env.put("DSN", dsn);
        env.put("SQA_OPT_OUT", "true");
        env.putAll(selfServiceUrls(appUrl()));
        env.putAll(environment);
        return builder;
    }

    /** Kratos's UI and return URLs for an application at {@code app}, as {@code kratos/start.sh} sets them. */
    private static Map<String, String> selfServiceUrls(URI app) {
        return Map.of(
                "SELFSERVICE_DEFAULT_BROWSER_RETURN_URL", app + "/",
                "SELFSERVICE_ALLOWED_RETURN_URLS", app.toString(),
                "SELFSERVICE_FLOWS_LOGIN_UI_URL", app + "/login",
                "SELFSERVICE_FLOWS_REGISTRATION_UI_URL", app + "/registration",
                "SELFSERVICE_FLOWS_SETTINGS_UI_URL", app + "/settings",
                "SELFSERVICE_FLOWS_ERROR_UI_URL", app + "/error",
                "SELFSERVICE_FLOWS_LOGOUT_AFTER_DEFAULT_BROWSER_RETURN_URL", app + "/");
    }

    /** Stops Kratos (its database stays), to test what the application does without it. */
    public static synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }

    /**
     * Another Kratos on our port would answer the readiness probe while ours fails to bind, and the tests would
     * silently run against it: refuse instead.
     */
    private static void requireFree(int port) throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (java.net.BindException e) {
            throw new IllegalStateException("port " + port + " is taken: another Kratos or server is running there; "
                    + "stop it or choose other ports with -Dkratos.public.port=... -Dkratos.admin.port=...", e);
        }
    }

    /** The DSN of an SQLite database file, deleted first so that every run starts empty. */
    private static String freshDatabase(Path file) throws IOException {
        Files.deleteIfExists(file);
        return "sqlite://" + file.toAbsolutePath() + "?_fk=true&mode=rwc";
    }

    private static void migrate(Path dir, String dsn, String logName) throws IOException, InterruptedException {
        Path log = ServerLogs.dir().resolve(logName);
        ProcessBuilder migrate = new ProcessBuilder(binary.toString(), "migrate", "sql", "-e", "--yes",
                "-c", dir.resolve("kratos.yml").toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        migrate.environment().put("DSN", dsn);
        if (migrate.start().waitFor() != 0) {
            throw new IllegalStateException("kratos migrate failed; see " + log);
        }
    }

    private static Path build(Path dir, Path logs) throws IOException, InterruptedException {
        Process build = new ProcessBuilder("bash", dir.resolve("build.sh").toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve("kratos-build.log").toFile()))
                .start();
        String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (build.waitFor() != 0 || out.isEmpty()) {
            throw new IllegalStateException("kratos/build.sh failed; see " + logs.resolve("kratos-build.log"));
        }
        List<String> lines = out.lines().toList();
        return Path.of(lines.get(lines.size() - 1));
    }

    private static void awaitReady(Process kratos, URI url, Duration timeout) throws InterruptedException {
        HttpClient client = TestHttp.client(Duration.ofSeconds(1));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!kratos.isAlive()) {
                throw new IllegalStateException("Kratos at " + url + " exited with " + kratos.exitValue()
                        + "; see target/server-logs/kratos*.log");
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url.resolve("/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Kratos at " + url + " was not ready within " + timeout);
    }
}
