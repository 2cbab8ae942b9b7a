package io.github.orysession.jaxrs;

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
 * cookie on (at the same priority, which makes it one of the last response filters). A method-level {@link Authenticated} wins over a class-level one; {@code @Authenticated} is
 * {@code @Inherited}, so subclasses keep it. Invalid attributes fail the application's start, naming the method.
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
        context.register(new OrySessionFilter(requirement(resourceInfo), beans), Priorities.AUTHENTICATION);
        context.register(new SessionCookieFilter(beans), Priorities.AUTHENTICATION);
    }

    /**
     * @param resourceInfo a resource method
     * @return its requirement, or {@code null} when it needs no session
     * @throws IllegalStateException when its {@code @Authenticated} is invalid
     */
    static SessionRequirement requirement(ResourceInfo resourceInfo) {
        try {
            return SessionRequirement.forMethod(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod()).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
