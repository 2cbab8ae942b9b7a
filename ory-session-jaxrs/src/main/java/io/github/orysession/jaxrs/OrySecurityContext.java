package io.github.orysession.jaxrs;

import java.security.Principal;

import jakarta.ws.rs.core.SecurityContext;

import io.github.orysession.cdi.SessionResolver;

/**
 * A {@link SecurityContext} whose principal is the Ory identity. It asks the request's {@link SessionResolver}
 * on first use, so a resource that is not {@code @Authenticated} costs nothing until it looks at the principal.
 * Roles come in a later version; until then {@link #isUserInRole(String)} defers to the server's context.
 */
final class OrySecurityContext implements SecurityContext {

    static final String AUTHENTICATION_SCHEME = "Ory-Session";

    private final SessionResolver resolver;
    private final SecurityContext original;

    OrySecurityContext(SessionResolver resolver, SecurityContext original) {
        this.resolver = resolver;
        this.original = original;
    }

    @Override
    public Principal getUserPrincipal() {
        return resolver.result().sessionIfAny().<Principal>map(IdentityPrincipal::new).orElse(null);
    }

    @Override
    public boolean isUserInRole(String role) {
        return original != null && original.isUserInRole(role);
    }

    @Override
    public boolean isSecure() {
        return original != null && original.isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
        return getUserPrincipal() == null ? null : AUTHENTICATION_SCHEME;
    }
}
