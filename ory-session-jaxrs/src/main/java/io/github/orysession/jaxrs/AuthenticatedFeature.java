package io.github.orysession.jaxrs;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import io.github.orysession.Authenticated;
import io.github.orysession.SessionRequirement;

/**
 * Decides once per resource method, when the application starts, what it needs of the session (none, or the
 * {@link SessionRequirement} of its {@link Authenticated}), and registers an {@link OrySessionFilter} for it at
 * {@link Priorities#AUTHENTICATION}, plus the {@link SessionCookieFilter} that passes Kratos's refreshed session
 * cookie on (at the same priority, which makes it one of the last response filters). A method-level
 * {@link Authenticated} wins over a class-level one; {@code @Authenticated} is {@code @Inherited}, so subclasses keep
 * it, and on a resource interface it counts as JAX-RS's own annotations do ({@link ResourceAnnotations}). What the
 * sub-resource locators a request went through ask is added at request time ({@link LocatorChain}). Invalid
 * attributes fail the application's start, naming the method.
 */
@Provider
public class AuthenticatedFeature implements DynamicFeature {

    private final LibraryBeans beans;

    /** Looks the library's beans up through CDI when first needed. */
    public AuthenticatedFeature() {
        this(new LibraryBeans());
    }

    /** @param beans the library's beans */
    AuthenticatedFeature(LibraryBeans beans) {
        this.beans = beans;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        SessionRequirement requirement = requirement(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
        context.register(new OrySessionFilter(requirement, beans), Priorities.AUTHENTICATION);
        context.register(new SessionCookieFilter(beans), Priorities.AUTHENTICATION);
    }

    /**
     * @param type the class that serves the method
     * @param method a resource method or sub-resource locator
     * @return its requirement, or {@code null} when it needs no session
     * @throws IllegalStateException when its {@code @Authenticated} is invalid, naming where it is
     */
    static SessionRequirement requirement(Class<?> type, Method method) {
        AnnotatedElement where = ResourceAnnotations.find(type, method, Authenticated.class);
        if (where == null) {
            return null;
        }
        try {
            return SessionRequirement.of(where.getAnnotation(Authenticated.class));
        } catch (IllegalArgumentException e) {
            String name = where instanceof Method declared
                    ? declared.getDeclaringClass().getName() + "." + declared.getName() + "()" : ((Class<?>) where).getName();
            throw new IllegalStateException(e.getMessage() + " on " + name, e);
        }
    }
}
