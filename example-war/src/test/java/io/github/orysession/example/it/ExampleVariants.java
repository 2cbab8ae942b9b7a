package io.github.orysession.example.it;

import java.io.File;
import java.net.URI;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import io.github.orysession.example.ExampleApplication;
import io.github.orysession.example.JwtResource;
import io.github.orysession.example.security.SecurityDefinition;
import io.github.orysession.example.variant.BeansResource;
import io.github.orysession.example.variant.LoginConfigApplication;
import io.github.orysession.example.variant.RecorderProbeClients;
import io.github.orysession.example.variant.RecorderProbeResource;
import io.github.orysession.example.variant.TokenResource;

/**
 * The example WAR as Maven built it, changed into the combinations of the library's JSON Web Token mapper (on or
 * off) and the server's own MicroProfile JWT ({@code @LoginConfig(authMethod = "MP-JWT")} or not). Each variant
 * gets its own {@code microprofile-config.properties} and its own name, so that Open Liberty, which keeps one server
 * for the whole run, gives it its own context root.
 * <ul>
 * <li>mapper off: the example's {@code JwtResource} (it injects {@code JsonWebToken}) and {@code payara-web.xml} (it
 * turns Payara's {@code @RolesAllowed} filter off for the mapper's sake) are left out;</li>
 * <li>{@code @LoginConfig}: the example's JAX-RS application class is swapped for {@link LoginConfigApplication},
 * the server trusts {@link TestJwts}'s key, and {@link TokenResource} shows which token the application gets;</li>
 * <li>without the Jakarta Security mechanism: the example's {@link SecurityDefinition} is left out, so the variant
 * is an application that uses the library's JAX-RS filter only (as every application did before
 * {@code ory-session-security}); Open Liberty refuses {@code @LoginConfig(authMethod = "MP-JWT")} beside any
 * Jakarta Security mechanism ({@link MechanismWithServerJwtRefusedIT}).</li>
 * </ul>
 * Every variant has {@link BeansResource}, which lists the {@code JsonWebToken} beans.
 */
final class ExampleVariants {

    private static final String CONFIG = "META-INF/microprofile-config.properties";

    private ExampleVariants() {
    }

    /** Combination 1: the mapper off, no {@code @LoginConfig}. */
    static WebArchive mapperOff() {
        return variant("jwt-off.war", false, false);
    }

    /** Combination 2: the mapper off, the server's MP-JWT on through {@code @LoginConfig}; no Jakarta Security mechanism. */
    static WebArchive mapperOffWithLoginConfig() {
        return withoutMechanism(variant("jwt-off-login-config.war", false, true));
    }

    /** Combination 4: the mapper on, and the server's MP-JWT on through {@code @LoginConfig}; no Jakarta Security mechanism. */
    static WebArchive mapperOnWithLoginConfig() {
        return withoutMechanism(variant("jwt-on-login-config.war", true, true));
    }

    /** The library's Jakarta Security mechanism beside the server's MP-JWT ({@code @LoginConfig}), the mapper off. */
    static WebArchive mechanismWithLoginConfig() {
        return variant("mechanism-login-config.war", false, true);
    }

    /** The example as built, with the session cache off: every request that needs a session asks Kratos. */
    static WebArchive uncached() {
        return withConfig(ShrinkWrap.create(ZipImporter.class, "uncached.war")
                .importFrom(new File(System.getProperty("example.war", "target/example.war"))).as(WebArchive.class),
                "ory.session.cache.enabled=false");
    }

    private static WebArchive withoutMechanism(WebArchive war) {
        delete(war, classFile(SecurityDefinition.class));
        return war;
    }

    /**
     * The example as the entry point in front of its downstream service ({@link PropagationIT}): Kratos's tokenizer on,
     * the downstream and the recorder's {@code /allowed} path on the propagation allow-list, and
     * {@link RecorderProbeResource}, whose REST clients call the recorder at an allowed URL, at another host name for
     * the same socket, and outside the allowed path.
     *
     * @param downstream the downstream's base URL
     * @param recorderPort the header recorder's port
     * @return the archive, {@code propagation.war}
     */
    static WebArchive propagationEdge(URI downstream, int recorderPort) {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "propagation.war")
                .importFrom(new File(System.getProperty("example.war", "target/example.war")))
                .as(WebArchive.class);
        String downstreamBase = downstream.toString().replaceAll("/$", "");
        String recorder = "http://127.0.0.1:" + recorderPort;
        return withConfig(war,
                "ory.session.tokenize-as=jwt_example",
                "ory.propagation.allowed-urls=" + downstreamBase + "," + recorder + "/allowed",
                "downstream/mp-rest/url=" + downstreamBase,
                "probe.recorder.allowed-url=" + recorder + "/allowed",
                "probe.recorder.other-host-url=http://localhost:" + recorderPort + "/allowed",
                "probe.recorder.other-path-url=" + recorder + "/elsewhere")
                .addClasses(RecorderProbeResource.class, RecorderProbeClients.class);
    }

    /**
     * The archive with lines added to its {@code microprofile-config.properties} (later lines win in a properties file).
     *
     * @param war the archive
     * @param lines {@code key=value} lines
     * @return the same archive
     */
    static WebArchive withConfig(WebArchive war, String... lines) {
        String path = "/WEB-INF/classes/" + CONFIG;
        String original = read(war, path);
        war.delete(path);
        war.addAsResource(new StringAsset(original + "\n" + String.join("\n", lines) + "\n"), CONFIG);
        return war;
    }

    /**
     * The example configured for an Ory Network project exactly as the README tells Ory Network users: the project
     * URL as {@code ory.kratos.url} and {@code ory.kratos.admin-url}, the project's API key as
     * {@code ory.kratos.admin-api-key}, the Account Experience's {@code /ui/login} as {@code ory.browser.login-url},
     * and the application's own return URLs. The example's {@code ory.session.cookie-names} line is taken out, so
     * that the library's default ({@code ory_kratos_session,ory_session_*}) is what accepts the project's cookie.
     * The file's {@code config_ordinal} puts it above the build's environment variables (which name the main test
     * Kratos); the session cache TTL is restated at the library's default, 30 s, over the build's 3 s.
     *
     * @param name the archive's name, also its context root
     * @param project the project URL
     * @param apiKey the project's API key
     * @param app the application's URL as browsers see it
     * @return the archive
     */
    static WebArchive oryNetwork(String name, URI project, String apiKey, URI app) {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, name)
                .importFrom(new File(System.getProperty("example.war", "target/example.war")))
                .as(WebArchive.class);
        String path = "/WEB-INF/classes/" + CONFIG;
        String original = read(war, path);
        String cookieNames = "ory.session.cookie-names=";
        if (original.lines().noneMatch(line -> line.startsWith(cookieNames))) {
            throw new IllegalStateException("the example's " + CONFIG + " no longer sets " + cookieNames
                    + ": check that the variant still tests what it says");
        }
        String kept = String.join("\n", original.lines().filter(line -> !line.startsWith(cookieNames)).toList());
        war.delete(path);
        war.addAsResource(new StringAsset(kept + "\n\n"
                + "# ExampleVariants.oryNetwork: the keys the README gives Ory Network users (docs/ory-network.md).\n"
                + "config_ordinal=500\n"
                + "ory.kratos.url=" + project + "\n"
                + "ory.kratos.admin-url=" + project + "\n"
                + "ory.kratos.admin-api-key=" + apiKey + "\n"
                + "ory.browser.login-url=" + project + "/ui/login\n"
                + "ory.browser.allowed-return-urls=" + app + "\n"
                + "ory.browser.default-return-url=" + app + "/\n"
                + "# The library's default, over the 3 s the build's environment sets for the other tests.\n"
                + "ory.session.cache.ttl-ms=30000\n"), CONFIG);
        return war;
    }

    private static String read(WebArchive war, String path) {
        requirePresent(war, path);
        try (var in = war.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static WebArchive variant(String name, boolean mapper, boolean loginConfig) {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, name)
                .importFrom(new File(System.getProperty("example.war", "target/example.war")))
                .as(WebArchive.class);
        requirePresent(war, "/WEB-INF/classes/" + CONFIG);
        war.delete("/WEB-INF/classes/" + CONFIG);
        war.addAsResource(new StringAsset(config(mapper, loginConfig)), CONFIG);
        if (!mapper) {
            delete(war, classFile(JwtResource.class));
            delete(war, "/WEB-INF/payara-web.xml");
        }
        if (loginConfig) {
            delete(war, classFile(ExampleApplication.class));
            war.addClasses(LoginConfigApplication.class, TokenResource.class);
        }
        return war.addClass(BeansResource.class);
    }

    private static String config(boolean mapper, boolean loginConfig) {
        StringBuilder properties = new StringBuilder()
                .append("# ").append(mapper ? "mapper on" : "mapper off")
                .append(loginConfig ? ", @LoginConfig(authMethod = \"MP-JWT\")" : ", no @LoginConfig").append('\n')
                .append("# ory.kratos.url comes from the environment (ORY_KRATOS_URL)\n")
                .append("ory.kratos.url=http://127.0.0.1:4433\n")
                .append("ory.jwt.enabled=").append(mapper).append('\n')
                .append("ory.jwt.groups-pointer=/metadata_public/roles\n");
        if (loginConfig) {
            // The line breaks of the PEM as properties escapes.
            properties.append("mp.jwt.verify.publickey=").append(TestJwts.publicKeyPem().replace("\n", "\\n")).append('\n')
                    .append("mp.jwt.verify.issuer=").append(TestJwts.ISSUER).append('\n');
        }
        return properties.toString();
    }

    /**
     * The example as a plain web application for {@link StaticFilesIT}: without its JAX-RS application (which is
     * mapped to {@code /*} and would answer every URL), so that the container's default servlet serves
     * {@code members/handbook.txt}, a static file behind a {@code <security-constraint>} of its own that only the
     * library's Jakarta Security mechanism answers.
     *
     * @return the archive, named {@code example.war} like the example, so that its URLs are on the tests' return URL
     *         allow-list ({@code http://127.0.0.1:*}{@code /example})
     */
    static WebArchive staticFiles() {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "example.war")
                .importFrom(new File(System.getProperty("example.war", "target/example.war")))
                .as(WebArchive.class);
        delete(war, classFile(ExampleApplication.class));
        String webXml = read(war, "/WEB-INF/web.xml");
        String roles = "    <security-role>";
        if (!webXml.contains(roles)) {
            throw new IllegalStateException("the example's web.xml has no <security-role>: update StaticFilesIT's variant");
        }
        war.delete("/WEB-INF/web.xml");
        war.addAsWebInfResource(new StringAsset(webXml.replace(roles, """
                    <security-constraint>
                        <web-resource-collection>
                            <web-resource-name>static members' files</web-resource-name>
                            <url-pattern>/members/*</url-pattern>
                        </web-resource-collection>
                        <auth-constraint>
                            <role-name>**</role-name>
                        </auth-constraint>
                    </security-constraint>

                """ + roles)), "web.xml");
        war.add(new StringAsset(StaticFilesIT.HANDBOOK), "members/handbook.txt");
        war.add(new StringAsset(StaticFilesIT.NOTICE), "notice.txt");
        return war;
    }

    private static void delete(WebArchive war, String path) {
        requirePresent(war, path);
        war.delete(path);
    }

    /** A variant that silently kept what it meant to remove would test the wrong thing. */
    private static void requirePresent(WebArchive war, String path) {
        if (!war.contains(path)) {
            throw new IllegalStateException(war.getName() + ": the example WAR has no " + path + " to replace");
        }
    }

    private static String classFile(Class<?> type) {
        return "/WEB-INF/classes/" + type.getName().replace('.', '/') + ".class";
    }
}
