package io.github.orysession;

import java.security.Principal;

import io.github.orysession.model.Session;

/**
 * The caller as a {@link Principal}: its name is the Kratos identity id, and the whole session stays reachable. It is
 * the principal of the JAX-RS {@code SecurityContext} ({@code ory-session-jaxrs}) and the caller Jakarta Security is
 * told about ({@code ory-session-security}), unless the JSON Web Token mapper is on, which makes both a
 * {@link io.github.orysession.jwt.SessionJsonWebToken} instead.
 *
 * @param session the session the principal stands for
 */
public record IdentityPrincipal(Session session) implements Principal {

    /** The identity id. */
    @Override
    public String getName() {
        return session.identity().id();
    }

    @Override
    public String toString() {
        return "IdentityPrincipal[" + getName() + "]";
    }
}
