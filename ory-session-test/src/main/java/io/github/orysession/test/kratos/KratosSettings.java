package io.github.orysession.test.kratos;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * How {@link RealKratos} gets its Kratos, read from system properties (and {@code KRATOS_BIN} from the environment):
 * a running one by URL, or one it starts from a binary or the project's build script, with a configuration file.
 *
 * @param runningPublicUrl {@value #URL}: a Kratos that runs already, or {@code null} to start one
 * @param runningAdminUrl {@value #ADMIN_URL}: its admin API, or {@code null} (then the public URL's port + 1)
 * @param binary {@code KRATOS_BIN} or {@value #BINARY}: the Kratos executable, or {@code null}
 * @param buildScript {@value #BUILD}: a script that prints the path of the binary it built as its last line (this
 *        project's {@code kratos/build.sh}), by default {@code <directory>/build.sh}; or {@code null}
 * @param directory {@value #DIRECTORY}: a folder with {@code kratos.yml} (and {@code build.sh}), or {@code null}
 * @param config {@value #CONFIG}: the configuration file, or {@code null} for {@code <directory>/kratos.yml}, or
 *        without a directory the kit's own test configuration
 * @param publicPort {@value #PUBLIC_PORT}
 * @param adminPort {@value #ADMIN_PORT}
 * @param appUrl {@value #APP_URL}: where Kratos's self-service UIs and return URLs point, or {@code null}
 * @param logDir {@value #LOG_DIR}: where Kratos logs and keeps its database
 */
record KratosSettings(URI runningPublicUrl, URI runningAdminUrl, Path binary, Path buildScript, Path directory, Path config,
                      int publicPort, int adminPort, URI appUrl, Path logDir) {

    static final String URL = "kratos.url";
    static final String ADMIN_URL = "kratos.admin.url";
    static final String BINARY = "kratos.bin";
    static final String BINARY_ENV = "KRATOS_BIN";
    static final String BUILD = "kratos.build";
    static final String DIRECTORY = "kratos.dir";
    static final String CONFIG = "kratos.config";
    static final String PUBLIC_PORT = "kratos.public.port";
    static final String ADMIN_PORT = "kratos.admin.port";
    static final String APP_URL = "kratos.app.url";
    static final String LOG_DIR = "kratos.log.dir";

    /** The settings of this JVM. */
    static KratosSettings current() {
        return read(System::getProperty, System.getenv());
    }

    /**
     * @param properties the system properties
     * @param environment the environment
     * @return the settings
     * @throws IllegalArgumentException naming the property whose value is wrong
     */
    static KratosSettings read(Function<String, String> properties, Map<String, String> environment) {
        URI running = url(properties, URL);
        URI runningAdmin = url(properties, ADMIN_URL);
        if (running != null && runningAdmin == null) {
            runningAdmin = URI.create(running.getScheme() + "://" + running.getHost() + ":" + (port(running) + 1));
        }
        String binary = text(properties.apply(BINARY));
        if (binary == null) {
            binary = text(environment.get(BINARY_ENV));
        }
        String directory = text(properties.apply(DIRECTORY));
        String config = text(properties.apply(CONFIG));
        String build = text(properties.apply(BUILD));
        Path folder = directory == null ? null : Path.of(directory).toAbsolutePath().normalize();
        URI app = url(properties, APP_URL);
        if (app != null && app.getPath().endsWith("/")) {
            String text = app.toString();
            app = URI.create(text.substring(0, text.length() - 1));
        }
        return new KratosSettings(running, runningAdmin, binary == null ? null : Path.of(binary),
                build != null ? Path.of(build).toAbsolutePath().normalize() : folder == null ? null : folder.resolve("build.sh"),
                folder,
                config == null ? null : Path.of(config).toAbsolutePath().normalize(),
                number(properties, PUBLIC_PORT, 14433), number(properties, ADMIN_PORT, 14434), app,
                Path.of(text(properties.apply(LOG_DIR)) == null ? "target/kratos" : properties.apply(LOG_DIR)));
    }

    /** Whether a Kratos runs already and none is to be started. */
    boolean running() {
        return runningPublicUrl != null;
    }

    URI publicUrl() {
        return running() ? runningPublicUrl : URI.create("http://127.0.0.1:" + publicPort);
    }

    URI adminUrl() {
        return running() ? runningAdminUrl : URI.create("http://127.0.0.1:" + adminPort);
    }

    private static int port(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static URI url(Function<String, String> properties, String key) {
        String value = text(properties.apply(key));
        if (value == null) {
            return null;
        }
        URI url;
        try {
            url = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be an absolute http(s) URL, got " + value, e);
        }
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException(key + " must be an absolute http(s) URL, got " + value);
        }
        return url;
    }

    private static int number(Function<String, String> properties, String key, int fallback) {
        String value = text(properties.apply(key));
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a port number, got " + value, e);
        }
    }
}
