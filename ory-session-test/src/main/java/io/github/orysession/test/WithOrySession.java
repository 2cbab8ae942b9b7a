package io.github.orysession.test;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.model.AuthenticatorAssuranceLevel;

/**
 * Runs a test's request with the session it describes, without Kratos: in a Weld JUnit 5 test set up with
 * {@link OryWeld}, {@code OrySession}, {@code @Authenticated} beans, {@code @Inject @Traits}, the application's
 * {@code SessionAugmentor} and the JSON Web Token mapper see this session as if Kratos had vouched for it. On the test
 * class it holds for every test method; on a method it replaces the class's.
 *
 * <pre>{@code
 * @Test
 * @WithOrySession(email = "ada@example.com", aal = AAL2, roles = "admin", traits = "{\"name\":\"Ada\"}")
 * void adminsSeeTheReport() { ... }
 *
 * @Test @WithOrySession(state = SessionState.ANONYMOUS)          void strangersAreRefused() { ... }
 * @Test @WithOrySession(state = SessionState.KRATOS_UNAVAILABLE) void anOutageIsA503() { ... }
 * }</pre>
 *
 * Tests that use it run one at a time in a JVM (JUnit's default): the session described is the JVM's, as
 * {@link TestKratos} holds it.
 */
@Documented
@Inherited
@Retention(RUNTIME)
@Target({TYPE, METHOD})
@ExtendWith(WithOrySessionExtension.class)
public @interface WithOrySession {

    /** What the request has: by default an {@link SessionState#ACTIVE} session. */
    SessionState state() default SessionState.ACTIVE;

    /** The identity id; by default a UUID derived from the email. */
    String identityId() default "";

    /** The {@code email} trait. */
    String email() default TestSessions.DEFAULT_EMAIL;

    /** The session's assurance level: {@code AAL1} (a password) or {@code AAL2} (and TOTP). */
    AuthenticatorAssuranceLevel aal() default AuthenticatorAssuranceLevel.AAL1;

    /** Roles, in {@code metadata_public.roles} (where {@code ory.jwt.groups-pointer} looks by default). */
    String[] roles() default {};

    /** More traits, as a JSON object such as {@code {"name":"Ada"}}. */
    String traits() default "";

    /** {@code metadata_public}, as a JSON object; {@link #roles()} are added to it. */
    String metadataPublic() default "";

    /** The identity schema id. */
    String schemaId() default "default";

    /** How many seconds ago the user signed in, for {@code @Authenticated(maxAgeSeconds = ...)}. */
    long signedInSecondsAgo() default 0;
}
