package io.github.orysession.test;

import java.security.Principal;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.SecurityContext;

import io.github.orysession.IdentityPrincipal;
import io.github.orysession.OrySession;

/**
 * A JAX-RS {@link SecurityContext} of the test's session, for resource methods that take
 * {@code @Context SecurityContext} and are called directly in a Weld test: the principal is the identity
 * ({@link IdentityPrincipal}, named by the identity id), and the session's roles
 * ({@link OrySession#roles()}: {@code metadata_public.roles} and the application's augmentor's) answer
 * {@link #isUserInRole(String)}. An anonymous request has no principal and no roles.
 *
 * <pre>{@code
 * JsonObject me = resource.me(TestSecurityContext.current());
 * }</pre>
 *
 * @param session the request's session
 */
public record TestSecurityContext(OrySession session) implements SecurityContext {

    /** The scheme the library's own security context names. */
    public static final String AUTHENTICATION_SCHEME = "Ory-Session";

    /** @return the security context of the current request's session, looked up through CDI */
    public static TestSecurityContext current() {
        return new TestSecurityContext(CDI.current().select(OrySession.class).get());
    }

    @Override
    public Principal getUserPrincipal() {
        return session.isAuthenticated() ? new IdentityPrincipal(session.get()) : null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return session.isAuthenticated() && session.hasRole(role);
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public String getAuthenticationScheme() {
        return session.isAuthenticated() ? AUTHENTICATION_SCHEME : null;
    }
}
