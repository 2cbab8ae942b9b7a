package io.github.orysession.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

import io.github.orysession.OrySessionException;
import io.github.orysession.SessionRequirement;
import io.github.orysession.internal.cdi.RequestCredentials;
import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.internal.credentials.CredentialExtractor;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.jwt.ServerVerifiedToken;

/**
 * Reads the request's session credentials into the request scope, tells the JSON Web Token mapper (when it is on)
 * which token the server itself verified, and installs {@link OrySecurityContext};
 * on an {@code @Authenticated} resource method it also requires a session that meets the method's
 * {@link SessionRequirement} before the resource runs, answering through {@link FailureResponses}: a browser
 * navigation is sent to the login, an API client gets {@code 401} / {@code 403}, and 429/502/503 when Kratos
 * cannot answer.
 * <p>
 * Registered per resource method by {@link AuthenticatedFeature} at {@code Priorities.AUTHENTICATION}.
 */
final class OrySessionFilter implements ContainerRequestFilter {

    static final String SESSION_TOKEN_HEADER = "X-Session-Token";

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
        CredentialExtractor extractor = beans.extractor();
        Credentials credentials = extractor.extract(request.getHeaders().get(SESSION_TOKEN_HEADER),
                request.getHeaders().get(HttpHeaders.AUTHORIZATION), request.getHeaders().get(HttpHeaders.COOKIE));
        RequestCredentials holder = beans.requestCredentials();
        holder.set(credentials);
        SessionResolver resolver = beans.resolver();
        SecurityContext server = request.getSecurityContext();
        ServerVerifiedToken verified = beans.serverVerifiedToken();
        if (verified != null && server != null) {
            verified.offer(server.getUserPrincipal());
        }
        request.setSecurityContext(new OrySecurityContext(resolver, server, beans.sessionTokens()));
        if (requirement == null) {
            return;
        }
        try {
            resolver.require(requirement);
        } catch (OrySessionException e) {
            request.abortWith(FailureResponses.of(e, FailureResponses.view(request), beans.loginRedirects(),
                    credentials.wasOffered()));
        }
    }
}
