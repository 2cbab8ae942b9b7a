package io.github.orysession.example.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.orysession.example.SensitiveResource;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.security.OrySessionMechanismDefinition;
import io.github.orysession.security.UrlRequirement;

/**
 * Turns on the library's Jakarta Security mechanism for the whole example: the Faces pages and servlets of this
 * package, protected by {@code WEB-INF/web.xml}'s security constraints, see the Ory session as the container's caller.
 * The second-factor page needs {@code aal2}, and {@code /servlet/me/recent} a sign-in within
 * {@value SensitiveResource#RECENT_SECONDS} seconds, as the JAX-RS {@code /api/sensitive/...} resources do with
 * {@code @Authenticated}. The JAX-RS pages and the {@code /api} keep their own {@code @Authenticated} and share the
 * request's one session lookup with the mechanism.
 */
@ApplicationScoped
@OrySessionMechanismDefinition(requirements = {
        @UrlRequirement(urlPatterns = "/second-factor.xhtml", aal = AuthenticatorAssuranceLevel.AAL2),
        @UrlRequirement(urlPatterns = "/servlet/me/recent", maxAgeSeconds = SensitiveResource.RECENT_SECONDS)})
public class SecurityDefinition {
}
