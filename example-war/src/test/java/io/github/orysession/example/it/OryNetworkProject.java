package io.github.orysession.example.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * A real Kratos set up the way an Ory Network project presents itself, for one test class: the same binary and
 * {@code kratos.yml} as {@link RealKratos}, a database of its own (another project, other users), and
 * <ul>
 * <li>one origin, {@link #url()} (the stand-in for {@code https://<slug>.projects.oryapis.com}), serving the public
 * API, the admin API under {@code /admin/} behind the project's API key, and the Account Experience's
 * {@code /ui/...} addresses: {@link ProjectProxy}, in front of the Kratos, which listens on Unix sockets only;</li>
 * <li>the session cookie Ory Network names after the project: {@code ory_session_} and the slug without its dashes
 * ({@link #SESSION_COOKIE}, the example from Ory's own documentation);</li>
 * <li>Kratos's cacheable-sessions feature on, so that whoami answers {@code Ory-Session-Cache-For}, as Ory
 * Network's session caching does ({@link #CACHE_FOR_SECONDS});</li>
 * <li>its login, registration, settings and error UIs at the project's {@code /ui/...}, and the application
 * {@link #appUrl()} as its only allowed return URL.</li>
 * </ul>
 * Port {@code ory.network.port}; Kratos's log {@code target/server-logs/kratos-network.log}.
 */
public final class OryNetworkProject implements BeforeAllCallback, AfterAllCallback {

    /** A project slug as Ory Network makes them (this one is the example in Ory's documentation). */
    static final String SLUG = "jolly-proskuriakova-xe98qw5t8g";
    /** The project's session cookie: {@code ory_session_jollyproskuriakovaxe98qw5t8g}. */
    static final String SESSION_COOKIE = "ory_session_" + SLUG.replace("-", "");
    /** TEST-ONLY project API key, in Ory's {@code ory_apikey_} format; never a real key. */
    static final String API_KEY = "ory_apikey_TestOnlyNotASecret0123456789abcdef";
    /** The longest time Kratos lets a whoami answer be cached: its {@code Ory-Session-Cache-For} header. */
    static final int CACHE_FOR_SECONDS = 5;
    /** The application's name and context root. */
    static final String APP_NAME = "ory-network";

    private static ProjectProxy proxy;
    private static Process kratos;
    private static Path sockets;

    /** The project URL, for example {@code http://127.0.0.1:14438}. */
    static URI url() {
        return URI.create("http://127.0.0.1:" + System.getProperty("ory.network.port", "14438"));
    }

    /**
     * The application of this project: the example deployed as {@link #APP_NAME} on the server's fixed port, for
     * example {@code http://127.0.0.1:18480/ory-network}.
     */
    static URI appUrl() {
        return RealKratos.appUrl().resolve("/" + APP_NAME);
    }

    /** The proxy in front of the project's Kratos, to see what reached it. */
    static ProjectProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("the Ory Network style project is not running: @ExtendWith(OryNetworkProject.class)");
        }
        return proxy;
    }

    /** A test client of this project: its URL for both APIs, its cookie name, its API key. */
    static KratosTestClient client() {
        return new KratosTestClient(url(), url(), SESSION_COOKIE, API_KEY);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Secrets.remember(API_KEY);
        // A short path: a Unix socket's path may not be longer than about 100 bytes.
        sockets = Files.createTempDirectory("ory-network-");
        Path publicSocket = sockets.resolve("public.sock");
        Path adminSocket = sockets.resolve("admin.sock");
        proxy = new ProjectProxy(url(), publicSocket, adminSocket, API_KEY, appUrl());
        String project = url().toString();
        String app = appUrl().toString();
        Map<String, String> environment = Map.ofEntries(
                Map.entry("SERVE_PUBLIC_HOST", "unix:" + publicSocket),
                Map.entry("SERVE_PUBLIC_BASE_URL", project + "/"),
                Map.entry("SERVE_ADMIN_HOST", "unix:" + adminSocket),
                Map.entry("SERVE_ADMIN_BASE_URL", project + "/"),
                Map.entry("SESSION_COOKIE_NAME", SESSION_COOKIE),
                Map.entry("FEATURE_FLAGS_CACHEABLE_SESSIONS", "true"),
                Map.entry("FEATURE_FLAGS_CACHEABLE_SESSIONS_MAX_AGE", CACHE_FOR_SECONDS + "s"),
                Map.entry("SELFSERVICE_FLOWS_LOGIN_UI_URL", project + "/ui/login"),
                Map.entry("SELFSERVICE_FLOWS_REGISTRATION_UI_URL", project + "/ui/registration"),
                Map.entry("SELFSERVICE_FLOWS_SETTINGS_UI_URL", project + "/ui/settings"),
                Map.entry("SELFSERVICE_FLOWS_ERROR_UI_URL", project + "/ui/error"),
                Map.entry("SELFSERVICE_DEFAULT_BROWSER_RETURN_URL", app + "/"),
                Map.entry("SELFSERVICE_ALLOWED_RETURN_URLS", app),
                Map.entry("SELFSERVICE_FLOWS_LOGOUT_AFTER_DEFAULT_BROWSER_RETURN_URL", app + "/"));
        kratos = RealKratos.startSibling(environment, "kratos-network.sqlite", url(), "kratos-network.log");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (kratos != null) {
            kratos.destroy();
            kratos.waitFor();
            kratos = null;
        }
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
        if (sockets != null) {
            try (Stream<Path> files = Files.walk(sockets)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
            sockets = null;
        }
    }
}
