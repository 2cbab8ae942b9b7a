package io.github.orysession.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads the request's session credentials and installs the library's {@code SecurityContext} before JAX-RS matches
 * the request to a resource ({@link RequestEntry}). JAX-RS calls a sub-resource locator while it matches, before
 * any other filter: without this, the {@code @Authenticated} interceptor on a locator of a CDI bean would find no
 * credentials and refuse every caller, and a locator that looks at the {@code SecurityContext} would see nobody.
 * It judges nothing: {@link OrySessionFilter} does, once the resource method is known.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class SessionCredentialsFilter implements ContainerRequestFilter {

    private final LibraryBeans beans;

    /** Looks the library's beans up through CDI when first needed. */
    public SessionCredentialsFilter() {
        this(new LibraryBeans());
    }

    /** @param beans the library's beans */
    SessionCredentialsFilter(LibraryBeans beans) {
        this.beans = beans;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestEntry.enter(request, beans);
    }
}
