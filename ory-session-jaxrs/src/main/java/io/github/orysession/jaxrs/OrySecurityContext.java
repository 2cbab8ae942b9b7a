package io.github.orysession.jaxrs;

import java.security.Principal;

import jakarta.ws.rs.core.SecurityContext;

import io.github.orysession.IdentityPrincipal;
import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.jwt.SessionTokens;
import io.github.orysession.jwt.SessionJsonWebToken;

/**
 * A {@link SecurityContext} whose principal is the Ory identity. It asks the request's {@link SessionResolver}
 * on first use, so a resource that is not {@code @Authenticated} costs nothing until it looks at the principal.
 * <p>
 * When the server itself authenticated the request (for example a bearer JWT verified by the server's
 * MicroProfile JWT implementation), the server's principal and roles stay in charge and Kratos is not asked.
 * Otherwise the principal is an {@link IdentityPrincipal}, or, with the JSON Web Token mapper on, a
 * {@link SessionJsonWebToken} whose {@code groups} are the caller's roles. With the mapper off, the session's roles
 * answer {@link #isUserInRole(String)} when the application has a {@code SessionAugmentor}.
 */
final class OrySecurityContext implements SecurityContext {

    static final String AUTHENTICATION_SCHEME = "Ory-Session";

    private final SessionResolver resolver;
    private final SecurityContext original;
    private final SessionTokens tokens;
    /** The session's principal, made once per request (this context lives for one request). */
    private Principal principal;

    OrySecurityContext(SessionResolver resolver, SecurityContext original, SessionTokens tokens) {
        this.resolver = resolver;
        this.original = original;
        this.tokens = tokens;
    }

    @Override
    public Principal getUserPrincipal() {
        Principal server = serverPrincipal();
        if (server != null) {
            return server;
        }
        Principal known = principal;
        if (known == null) {
            WhoamiResult verdict = resolver.result();
            known = verdict.session() == null ? null : principalOf(verdict);
            principal = known;
        }
        return known;
    }

    @Override
    public boolean isUserInRole(String role) {
        Principal server = serverPrincipal();
        if (server != null && !vouchedForByTheLibrary(server)) {
            return original.isUserInRole(role);
        }
        Principal principal = server == null ? getUserPrincipal() : ownPrincipal();
        if (principal instanceof SessionJsonWebToken token) {
            return token.getGroups().contains(role);
        }
        if (principal != null && resolver.result().grants().byApplication()) {
            return resolver.result().grants().roles().contains(role);
        }
        return original != null && original.isUserInRole(role);
    }

    @Override
    public boolean isSecure() {
        return original != null && original.isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
        if (serverPrincipal() != null) {
            return original.getAuthenticationScheme();
        }
        return getUserPrincipal() == null ? null : AUTHENTICATION_SCHEME;
    }

    /**
     * Whether the server's caller is the one the library's Jakarta Security mechanism gave it for this request's Ory
     * session (rather than, say, a bearer JWT the server verified). The library then answers for the roles, as it
     * does without the mechanism: the container knows only the roles the application declares, and the roles an
     * application's {@code SessionAugmentor} adds need not be among them.
     */
    private boolean vouchedForByTheLibrary(Principal server) {
        Principal own = ownPrincipal();
        return own != null && own.getName() != null && own.getName().equals(server.getName());
    }

    /** The library's principal for a session this request has already resolved, without asking Kratos. */
    private Principal ownPrincipal() {
        if (principal == null) {
            principal = resolver.resolved().filter(verdict -> verdict.session() != null).map(this::principalOf)
                    .orElse(null);
        }
        return principal;
    }

    private Principal principalOf(WhoamiResult verdict) {
        return tokens == null ? new IdentityPrincipal(verdict.session()) : tokens.tokenFor(verdict);
    }

    private Principal serverPrincipal() {
        return original == null ? null : original.getUserPrincipal();
    }
}
