package io.github.orysession.example.it;

/**
 * The server this failsafe execution runs the integration tests on ({@code -Darquillian.launch}, set by the pom), for
 * the few assertions about what the server itself does, where Payara and Open Liberty differ.
 */
enum TargetServer {
    PAYARA, LIBERTY;

    static TargetServer current() {
        String launch = System.getProperty("arquillian.launch", "payara");
        return switch (launch) {
            case "payara" -> PAYARA;
            case "liberty" -> LIBERTY;
            default -> throw new IllegalStateException("unknown arquillian.launch " + launch);
        };
    }
}
