package io.github.orysession.jaxrs;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.SecurityContext;

import io.github.orysession.AccessDeniedException;
import io.github.orysession.internal.cdi.SessionResolver;

/**
 * What {@link RolesAllowed} or {@link DenyAll} asks of the caller of a resource method or sub-resource locator,
 * found as {@link ResourceAnnotations} finds annotations: the method's own (or its interface's) before its class's,
 * {@link PermitAll} opening a method.
 *
 * @param roles the roles of which the caller needs one; {@code null} for {@link DenyAll}
 */
record RoleRule(List<String> roles) {

    /** {@link DenyAll}: no caller. */
    static final RoleRule DENY_ALL = new RoleRule(null);

    /**
     * @param type the class that serves the method
     * @param method the resource method or locator
     * @return the rule, or {@code null} when the method is open to any caller (no annotation, or {@link PermitAll})
     */
    static RoleRule of(Class<?> type, Method method) {
        AnnotatedElement where = ResourceAnnotations.find(type, method, DenyAll.class, RolesAllowed.class, PermitAll.class);
        if (where == null) {
            return null;
        }
        if (where.isAnnotationPresent(DenyAll.class)) {
            return DENY_ALL;
        }
        RolesAllowed allowed = where.getAnnotation(RolesAllowed.class);
        return allowed == null ? null : new RoleRule(List.of(allowed.value()));
    }

    /**
     * @param security the request's security context
     * @param resolver the request's session, asked when the context has no caller yet
     * @throws AccessDeniedException when the caller may not pass ({@code denied} or {@code missing_role})
     * @throws io.github.orysession.UnauthenticatedException when there is no caller at all
     */
    void check(SecurityContext security, SessionResolver resolver) {
        if (roles == null) {
            throw new AccessDeniedException("denied", "No caller may use this resource");
        }
        Principal principal = security.getUserPrincipal();
        if (principal == null) {
            resolver.require();
        }
        if (roles.stream().noneMatch(security::isUserInRole)) {
            throw new AccessDeniedException("missing_role", "This resource needs one of the roles " + roles);
        }
    }
}
