package io.github.orysession.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

import io.github.orysession.OrySessionException;
import io.github.orysession.SessionRequirement;
import io.github.orysession.internal.credentials.Credentials;

/**
 * On an {@code @Authenticated} resource method, or one reached through an {@code @Authenticated} sub-resource
 * locator ({@link LocatorChain}), requires a session that meets the strongest {@link SessionRequirement} of the
 * method and the locators before the resource runs, answering through {@link FailureResponses}: a browser
 * navigation is sent to the login, an API client gets {@code 401} / {@code 403}, and 429/502/503 when Kratos cannot
 * answer. The request's credentials and {@code SecurityContext} are in place already ({@link RequestEntry}, done
 * here when {@link SessionCredentialsFilter} did not run).
 * <p>
 * Registered per resource method by {@link AuthenticatedFeature} at {@code Priorities.AUTHENTICATION}.
 */
final class OrySessionFilter implements ContainerRequestFilter {

    private final SessionRequirement requirement;
    private final LibraryBeans beans;

    /**
     * @param requirement what the method needs of the session, or {@code null} when it needs none
     * @param beans the library's beans
     */
    OrySessionFilter(SessionRequirement requirement, LibraryBeans beans) {
        this.requirement = requirement;
        this.beans = beans;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Credentials credentials = RequestEntry.enter(request, beans);
        SessionRequirement needed = LocatorChain.strongest(requirement,
                LocatorChain.of(request.getUriInfo().getMatchedResources()).requirement());
        if (needed == null) {
            return;
        }
        try {
            beans.resolver().require(needed);
        } catch (OrySessionException e) {
            request.abortWith(FailureResponses.of(e, FailureResponses.view(request), beans.loginRedirects(),
                    credentials.wasOffered()));
        }
    }
}
