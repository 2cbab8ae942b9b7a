package io.github.orysession.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

import io.github.orysession.OrySessionException;
import io.github.orysession.cdi.RequestCredentials;
import io.github.orysession.cdi.SessionResolver;
import io.github.orysession.credentials.CredentialExtractor;
import io.github.orysession.credentials.Credentials;
import io.github.orysession.jwt.ServerVerifiedToken;

/**
 * Reads the request's session credentials into the request scope, tells the JSON Web Token mapper (when it is on)
 * which token the server itself verified, and installs {@link OrySecurityContext};
 * on an {@code @Authenticated} resource method it also requires a usable session, answering {@code 401}
 * (or 429/502/503 when Kratos cannot answer) before the resource runs.
 * <p>
 * Registered per resource method by {@link AuthenticatedFeature} at {@code Priorities.AUTHENTICATION}.
 */
final class OrySessionFilter implements ContainerRequestFilter {

    static final String SESSION_TOKEN_HEADER = "X-Session-Token";

    private final boolean sessionRequired;
    private final LibraryBeans beans;

    OrySessionFilter(boolean sessionRequired, LibraryBeans beans) {
        this.sessionRequired = sessionRequired;
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
        if (!sessionRequired) {
            return;
        }
        try {
            resolver.require();
        } catch (OrySessionException e) {
            request.abortWith(ErrorResponses.of(e, credentials.isPresent() || credentials.unusableReason().isPresent()));
        }
    }
}
