package io.github.orysession.test.kratos;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Ory Kratos for integration tests, once per test JVM: {@code @ExtendWith(RealKratos.class)} starts it before
 * the test class (or finds it running), and it stops when the JVM exits. Users and sessions come from
 * {@link KratosTestClient}, second factors from {@link KratosStepUp}.
 * <p>
 * Where the Kratos comes from, by system property (the build passes them, for example through failsafe's
 * {@code systemPropertyVariables}):
 * <table>
 * <caption>Settings</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code kratos.url}, {@code kratos.admin.url}</td><td>(none)</td><td>a Kratos that runs already: nothing is
 * started (the admin URL defaults to the public port + 1)</td></tr>
 * <tr><td>{@code kratos.bin}, or the environment's {@code KRATOS_BIN}</td><td>(none)</td><td>the Kratos executable</td></tr>
 * <tr><td>{@code kratos.build}</td><td>{@code <kratos.dir>/build.sh}</td><td>for when no binary is given: a script
 * that prints the path of the binary it built as its last line (this project's {@code kratos/build.sh}, which builds
 * Kratos from the Go module proxy and honours {@code KRATOS_BIN})</td></tr>
 * <tr><td>{@code kratos.dir}</td><td>(none)</td><td>a folder with {@code kratos.yml} (and {@code build.sh}), such as
 * this project's {@code kratos/}</td></tr>
 * <tr><td>{@code kratos.config}</td><td>{@code <kratos.dir>/kratos.yml}, else the kit's own</td><td>the
 * configuration file; paths in it are relative to its folder. The kit's own: email and password identities with an
 * optional {@code name}, TOTP, API registration that signs in</td></tr>
 * <tr><td>{@code kratos.public.port}, {@code kratos.admin.port}</td><td>14433, 14434</td><td>where it listens, on
 * 127.0.0.1; a port in use fails the start rather than testing someone else's Kratos</td></tr>
 * <tr><td>{@code kratos.app.url}</td><td>(none)</td><td>the application under test as browsers reach it: Kratos's
 * login, registration, settings and error UIs and its allowed return URLs point there</td></tr>
 * <tr><td>{@code kratos.log.dir}</td><td>{@code target/kratos}</td><td>its log ({@code kratos.log}) and its SQLite
 * database, made afresh for each JVM</td></tr>
 * </table>
 *
 * <pre>{@code
 * @ExtendWith({RealKratos.class, ArquillianExtension.class})
 * class GreetingIT {
 *     static final KratosTestClient KRATOS = new KratosTestClient();
 *
 *     @Test
 *     void greetsTheSignedInUser() throws Exception {
 *         KratosTestClient.Registered ada = KRATOS.register();
 *         // call the application with X-Session-Token: ada.sessionToken()
 *     }
 * }
 * }</pre>
 */
public class RealKratos implements BeforeAllCallback {

    private static final String KIT_CONFIG = "kratos-test.yml";
    private static final String KIT_SCHEMA = "identity.schema.json";

    private static Process process;
    private static KratosSettings started;
    private static Path binary;
    private static Path config;
    private static String dsn;

    /** For {@code @ExtendWith}. */
    public RealKratos() {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    /** @return the public API, for example {@code http://127.0.0.1:14433} */
    public static URI publicUrl() {
        return settings().publicUrl();
    }

    /** @return the admin API, for example {@code http://127.0.0.1:14434} */
    public static URI adminUrl() {
        return settings().adminUrl();
    }

    /**
     * @return the application as browsers reach it ({@code kratos.app.url}), without a trailing slash
     * @throws IllegalStateException when {@code kratos.app.url} is not set
     */
    public static URI appUrl() {
        URI app = settings().appUrl();
        if (app == null) {
            throw new IllegalStateException(KratosSettings.APP_URL + " is not set: set it to the application's URL as"
                    + " browsers reach it, for Kratos's UI and return URLs");
        }
        return app;
    }

    /** @return where Kratos logs ({@code kratos.log}) and keeps its database */
    public static Path logDir() throws IOException {
        return Files.createDirectories(settings().logDir());
    }

    /**
     * Starts Kratos, or does nothing when it runs already (started by this JVM, or {@code kratos.url}).
     *
     * @throws IllegalStateException when it cannot be started, naming what to set
     */
    public static synchronized void start() throws IOException, InterruptedException {
        KratosSettings settings = settings();
        if (settings.running()) {
            awaitReady(null, settings.publicUrl(), Duration.ofSeconds(30));
            return;
        }
        if (process != null && process.isAlive()) {
            return;
        }
        Path logs = logDir();
        if (binary == null) {
            binary = binary(settings, logs);
            config = config(settings, logs);
            dsn = freshDatabase(logs.resolve("kratos.sqlite"));
            migrate(dsn, "kratos.log");
        }
        requireFree(settings.publicPort());
        requireFree(settings.adminPort());
        process = serve(dsn, listeningOn(settings.publicUrl(), settings.adminUrl()), "kratos.log").start();
        Process mine = process;
        Runtime.getRuntime().addShutdownHook(new Thread(mine::destroy));
        awaitReady(mine, settings.publicUrl(), Duration.ofSeconds(60));
        started = settings;
    }

    /**
     * Stops the Kratos this JVM started; its database stays, so that {@link #start()} brings it back with its
     * identities and sessions (to test what the application does while Kratos is away). A Kratos given by
     * {@code kratos.url} is not touched.
     */
    public static synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }

    /**
     * Starts another Kratos on the same database (so it knows the same identities and sessions) and configuration,
     * changed by {@code overrides} (Kratos reads any configuration key from the environment, such as
     * {@code SESSION_WHOAMI_REQUIRED_AAL}), listening on the given URLs' ports. The caller stops it.
     *
     * @param publicUrl its public API, on 127.0.0.1
     * @param adminUrl its admin API, on 127.0.0.1
     * @param overrides configuration keys as environment variables
     * @param logName its log file in {@link #logDir()}
     * @return the running, ready Kratos
     */
    public static synchronized Process startSibling(URI publicUrl, URI adminUrl, Map<String, String> overrides,
                                                    String logName) throws IOException, InterruptedException {
        start();
        requireFree(publicUrl.getPort());
        requireFree(adminUrl.getPort());
        Map<String, String> environment = new HashMap<>(listeningOn(publicUrl, adminUrl));
        environment.putAll(overrides);
        return startSibling(environment, null, publicUrl, logName);
    }

    /**
     * Starts another Kratos with the same binary and configuration, changed by {@code environment}, which also says
     * where it listens ({@code SERVE_PUBLIC_PORT}, ...; Kratos also listens on Unix sockets, {@code unix:/path}) and
     * which base URLs it puts in the links it hands out. The caller stops it.
     *
     * @param environment configuration keys as environment variables
     * @param database {@code null} for the main Kratos's database; otherwise the file name of a database of its own
     *        in {@link #logDir()}, made afresh and migrated now
     * @param readyUrl where its {@code /health/ready} answers once it is up
     * @param logName its log file in {@link #logDir()}
     * @return the running, ready Kratos
     */
    public static synchronized Process startSibling(Map<String, String> environment, String database, URI readyUrl,
                                                    String logName) throws IOException, InterruptedException {
        if (settings().running()) {
            throw new IllegalStateException("a Kratos given by " + KratosSettings.URL + " has no binary to start another with");
        }
        start();
        String siblingDsn = dsn;
        if (database != null) {
            siblingDsn = freshDatabase(logDir().resolve(database));
            migrate(siblingDsn, logName);
        }
        Process sibling = serve(siblingDsn, environment, logName).start();
        Runtime.getRuntime().addShutdownHook(new Thread(sibling::destroy));
        awaitReady(sibling, readyUrl, Duration.ofSeconds(60));
        return sibling;
    }

    private static KratosSettings settings() {
        KratosSettings current = started;
        return current != null ? current : KratosSettings.current();
    }

    /** Where a Kratos listens and the base URLs it hands out: loopback TCP, the given ports. */
    private static Map<String, String> listeningOn(URI publicUrl, URI adminUrl) {
        return Map.of("SERVE_PUBLIC_HOST", "127.0.0.1",
                "SERVE_PUBLIC_PORT", String.valueOf(publicUrl.getPort()),
                "SERVE_PUBLIC_BASE_URL", publicUrl + "/",
                "SERVE_ADMIN_HOST", "127.0.0.1",
                "SERVE_ADMIN_PORT", String.valueOf(adminUrl.getPort()),
                "SERVE_ADMIN_BASE_URL", adminUrl + "/");
    }

    private static ProcessBuilder serve(String database, Map<String, String> environment, String logName)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "serve", "--dev", "--watch-courier",
                "--sqa-opt-out", "-c", config.toString())
                .directory(config.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir().resolve(logName).toFile()));
        Map<String, String> env = builder.environment();
        env.put("DSN", database);
        env.put("SQA_OPT_OUT", "true");
        URI app = settings().appUrl();
        if (app != null) {
            env.putAll(selfServiceUrls(app));
        }
        env.putAll(environment);
        return builder;
    }

    /** Kratos's UI and return URLs for an application at {@code app}. */
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

    /** The binary given, or the one the directory's build script builds. */
    private static Path binary(KratosSettings settings, Path logs) throws IOException, InterruptedException {
        if (settings.binary() != null) {
            if (!Files.isExecutable(settings.binary())) {
                throw new IllegalStateException("the Kratos binary " + settings.binary() + " (" + KratosSettings.BINARY
                        + " or " + KratosSettings.BINARY_ENV + ") is not an executable file");
            }
            return settings.binary();
        }
        Path script = settings.buildScript();
        if (script == null || !Files.isRegularFile(script)) {
            throw new IllegalStateException("no Kratos to start: set " + KratosSettings.BINARY_ENV + " (or -D"
                    + KratosSettings.BINARY + ") to a Kratos binary, -D" + KratosSettings.BUILD + " to a script that"
                    + " builds one, or -D" + KratosSettings.URL + " to a running Kratos"
                    + (script == null ? "" : " (there is no " + script + ")"));
        }
        Process build = new ProcessBuilder("bash", script.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve("kratos-build.log").toFile()))
                .start();
        String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (build.waitFor() != 0 || out.isEmpty()) {
            throw new IllegalStateException(script + " failed; see " + logs.resolve("kratos-build.log"));
        }
        List<String> lines = out.lines().toList();
        return Path.of(lines.get(lines.size() - 1));
    }

    /** The configuration given, the directory's, or the kit's own copied next to the logs. */
    private static Path config(KratosSettings settings, Path logs) throws IOException {
        if (settings.config() != null) {
            return settings.config();
        }
        if (settings.directory() != null && Files.isRegularFile(settings.directory().resolve("kratos.yml"))) {
            return settings.directory().resolve("kratos.yml");
        }
        Path dir = Files.createDirectories(logs.resolve("config"));
        for (String name : List.of(KIT_CONFIG, KIT_SCHEMA)) {
            try (InputStream in = RealKratos.class.getResourceAsStream(name)) {
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir.resolve(KIT_CONFIG);
    }

    /**
     * Another Kratos on our port would answer the readiness probe while ours fails to bind, and the tests would
     * silently run against it: refuse instead.
     */
    private static void requireFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " is taken: another Kratos or server is running there; "
                    + "stop it or choose other ports with -D" + KratosSettings.PUBLIC_PORT + "=... -D"
                    + KratosSettings.ADMIN_PORT + "=...", e);
        }
    }

    /** The DSN of an SQLite database file, deleted first so that every run starts empty. */
    private static String freshDatabase(Path file) throws IOException {
        Files.deleteIfExists(file);
        return "sqlite://" + file.toAbsolutePath() + "?_fk=true&mode=rwc";
    }

    private static void migrate(String database, String logName) throws IOException, InterruptedException {
        Path log = logDir().resolve(logName);
        ProcessBuilder migrate = new ProcessBuilder(binary.toString(), "migrate", "sql", "-e", "--yes",
                "-c", config.toString())
                .directory(config.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        migrate.environment().put("DSN", database);
        if (migrate.start().waitFor() != 0) {
            throw new IllegalStateException("kratos migrate failed; see " + log);
        }
    }

    private static void awaitReady(Process kratos, URI url, Duration timeout) throws InterruptedException {
        HttpClient client = Http.client(Duration.ofSeconds(1));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (kratos != null && !kratos.isAlive()) {
                throw new IllegalStateException("Kratos at " + url + " exited with " + kratos.exitValue()
                        + "; see its log in " + settings().logDir());
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
