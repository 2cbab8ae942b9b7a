package io.github.orysession;

import java.security.Principal;

import io.github.orysession.model.Session;

/**
 * The caller as a {@link Principal}: its name is the Kratos identity id, and the whole session stays reachable.
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
