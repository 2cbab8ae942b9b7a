package io.github.orysession.jaxrs;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Enforces {@link RolesAllowed} and {@link DenyAll} on JAX-RS resource methods with the request's
 * {@code SecurityContext}, when the JSON Web Token mapper is on ({@code ory.jwt.enabled=true}) or the application has
 * a {@code SessionAugmentor} (whose roles are then the session's): no caller is
 * {@code 401} (a browser navigation is sent to the login), a caller without the role is {@code 403}.
 * Method-level annotations win over class-level ones, {@link PermitAll} opens a method, and annotations on a resource
 * interface count ({@link RoleRule}). A sub-resource reached through a locator must also pass the locators' rules
 * ({@link LocatorChain}), so every resource method gets the filter. Runs just before {@link Priorities#AUTHORIZATION},
 * ahead of the servers' own role filters, which then see the same {@code SecurityContext}.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

    private final LibraryBeans beans;

    /** Looks the library's beans up through CDI when first needed. */
    public RolesAllowedFeature() {
        this(new LibraryBeans());
    }

    /** @param beans the library's beans */
    RolesAllowedFeature(LibraryBeans beans) {
        this.beans = beans;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        RoleRule rule = resourceInfo.getResourceMethod() == null ? null
                : RoleRule.of(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
        context.register(new RolesAllowedFilter(rule, beans), Priorities.AUTHORIZATION - 1);
    }
}
