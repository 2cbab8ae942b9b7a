package io.github.orysession.jaxrs;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

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
 * {@code SecurityContext}, when the JSON Web Token mapper is on ({@code ory.jwt.enabled=true}): no caller is
 * {@code 401} (a browser navigation is sent to the login), a caller without the role is {@code 403}.
 * Method-level annotations win over class-level ones, and {@link PermitAll} opens a method. Runs just before {@link Priorities#AUTHORIZATION}, ahead of the servers'
 * own role filters, which then see the same {@code SecurityContext}.
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
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        RolesAllowedFilter filter = method == null ? null : filterFor(method);
        if (filter == null && (method == null || !method.isAnnotationPresent(PermitAll.class)) && type != null) {
            filter = filterFor(type);
        }
        if (filter != null) {
            context.register(filter, Priorities.AUTHORIZATION - 1);
        }
    }

    private RolesAllowedFilter filterFor(AnnotatedElement element) {
        if (element.isAnnotationPresent(DenyAll.class)) {
            return new RolesAllowedFilter(null, beans);
        }
        RolesAllowedFilter filter = null;
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            filter = new RolesAllowedFilter(roles.value(), beans);
        }
        return filter;
    }
}
