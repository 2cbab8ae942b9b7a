package io.github.orysession.example.it;

import java.nio.file.Path;
import java.util.List;

/**
 * The server this failsafe execution runs the integration tests on ({@code -Darquillian.launch}, set by the pom), for
 * the few assertions about what the server itself does, where the servers differ. The servers of the compatibility
 * matrix (docs/servers.md): Payara Micro 6 and Open Liberty (Jakarta EE 10 / MicroProfile 6.1) run every integration
 * test; the others run those tagged {@value #COMPAT}.
 */
enum TargetServer {
    PAYARA("payara", Family.PAYARA, 10),
    PAYARA7("payara7", Family.PAYARA, 11),
    LIBERTY("liberty", Family.LIBERTY, 10),
    LIBERTY_MP7("liberty-mp7", Family.LIBERTY, 10),
    WILDFLY("wildfly", Family.WILDFLY, 10),
    WILDFLY_PREVIEW("wildfly-preview", Family.WILDFLY, 11);

    /** The JUnit tag of the compatibility subset, run on every server of the matrix. */
    static final String COMPAT = "compat";

    /** Servers of one make, which share their behaviour in what the tests look at. */
    enum Family {
        PAYARA, LIBERTY, WILDFLY
    }

    private final String launch;
    private final Family family;
    private final int jakartaEe;

    TargetServer(String launch, Family family, int jakartaEe) {
        this.launch = launch;
        this.family = family;
        this.jakartaEe = jakartaEe;
    }

    Family family() {
        return family;
    }

    /**
     * The Jakarta EE level of the server's features: 10 or 11. For the tests of a Jakarta Security mechanism (to come):
     * Jakarta Security 4.0 (EE 11) lets an application have several {@code HttpAuthenticationMechanism}s, chosen by
     * qualifiers and a handler, where 3.0 (EE 10) allows one.
     */
    int jakartaEe() {
        return jakartaEe;
    }

    static TargetServer current() {
        String launch = System.getProperty("arquillian.launch", "payara");
        for (TargetServer server : values()) {
            if (server.launch.equals(launch)) {
                return server;
            }
        }
        throw new IllegalStateException("unknown arquillian.launch " + launch);
    }

    /** Where this server writes its own log (beyond what it prints to the test JVM's console), for the log scans. */
    List<Path> logDirs() {
        return switch (this) {
            case LIBERTY -> List.of(libertyLogs(System.getProperty("liberty.server.name", "ory-example")));
            case LIBERTY_MP7 -> List.of(libertyLogs(System.getProperty("liberty.mp7.server.name", "ory-example-mp7")));
            case WILDFLY, WILDFLY_PREVIEW -> List.of(Path.of(System.getProperty("wildfly.home", "target/wildfly"), "standalone", "log"));
            case PAYARA, PAYARA7 -> List.of();
        };
    }

    private static Path libertyLogs(String serverName) {
        return Path.of(System.getProperty("liberty.home", "target/liberty/wlp"), "usr", "servers", serverName, "logs");
    }
}
