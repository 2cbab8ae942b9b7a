package io.github.orysession.test;

/**
 * Sessions and identities for tests, built as Kratos sends them.
 *
 * <pre>{@code
 * Session ada = TestSessions.session().email("ada@example.com").aal2().roles("admin").build();
 * Identity bob = TestSessions.identity().email("bob@example.com").trait("name", "Bob").build();
 * }</pre>
 */
public final class TestSessions {

    /** The email of a session or identity that names none. */
    public static final String DEFAULT_EMAIL = "user@example.com";

    private TestSessions() {
    }

    /** @return a builder of an active {@code aal1} session of the default identity */
    public static SessionBuilder session() {
        return new SessionBuilder();
    }

    /** @return a builder of an active identity of schema {@code default} */
    public static IdentityBuilder identity() {
        return new IdentityBuilder();
    }
}
