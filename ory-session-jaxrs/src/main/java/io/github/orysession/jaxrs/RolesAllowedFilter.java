package io.github.orysession.jaxrs;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;

import io.github.orysession.AccessDeniedException;
import io.github.orysession.OrySessionException;

/**
 * Checks one resource method's {@code @RolesAllowed} (or {@code @DenyAll}, when {@code roles} is {@code null})
 * against the request's {@link SecurityContext}. Does nothing while the JSON Web Token mapper is off.
 * Registered by {@link RolesAllowedFeature}.
 */
final class RolesAllowedFilter implements ContainerRequestFilter {

    private final List<String> roles;
    private final LibraryBeans beans;

    RolesAllowedFilter(String[] roles, LibraryBeans beans) {
        this.roles = roles == null ? null : List.copyOf(Arrays.asList(roles));
        this.beans = beans;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (beans.sessionTokens() == null) {
            return;
        }
        try {
            if (roles == null) {
                throw new AccessDeniedException("denied", "No caller may use this resource");
            }
            SecurityContext security = request.getSecurityContext();
            Principal principal = security.getUserPrincipal();
            if (principal == null) {
                beans.resolver().require();
            }
            if (roles.stream().noneMatch(security::isUserInRole)) {
                throw new AccessDeniedException("missing_role", "This resource needs one of the roles " + roles);
            }
        } catch (OrySessionException e) {
            request.abortWith(FailureResponses.of(e, FailureResponses.view(request), beans.loginRedirects(),
                    beans.requestCredentials().get().wasOffered()));
        }
    }
}
