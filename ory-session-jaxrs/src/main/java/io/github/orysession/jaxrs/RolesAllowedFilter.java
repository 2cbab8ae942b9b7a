package io.github.orysession.jaxrs;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;

import io.github.orysession.OrySessionException;

/**
 * Checks one resource method's {@code @RolesAllowed} or {@code @DenyAll} ({@link RoleRule}), and those of the
 * sub-resource locators the request went through ({@link LocatorChain}), against the request's
 * {@link SecurityContext}. Does nothing while the JSON Web Token mapper is off and the application has no
 * {@code SessionAugmentor}: the server's own role check is in charge then. Registered by
 * {@link RolesAllowedFeature}.
 */
final class RolesAllowedFilter implements ContainerRequestFilter {

    private final RoleRule rule;
    private final LibraryBeans beans;

    /**
     * @param rule the method's own rule, or {@code null} when it has none
     * @param beans the library's beans
     */
    RolesAllowedFilter(RoleRule rule, LibraryBeans beans) {
        this.rule = rule;
        this.beans = beans;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!beans.enforcesRoles()) {
            return;
        }
        List<RoleRule> rules = new ArrayList<>(LocatorChain.of(request.getUriInfo().getMatchedResources()).roles());
        if (rule != null) {
            rules.add(rule);
        }
        try {
            for (RoleRule each : rules) {
                each.check(request.getSecurityContext(), beans.resolver());
            }
        } catch (OrySessionException e) {
            request.abortWith(FailureResponses.of(e, FailureResponses.view(request), beans.loginRedirects(),
                    beans.requestCredentials().get().wasOffered()));
        }
    }
}
