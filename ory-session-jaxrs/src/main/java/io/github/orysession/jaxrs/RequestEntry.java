package io.github.orysession.jaxrs;

import java.security.Principal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.jwt.ServerVerifiedToken;

/**
 * What every request goes through once before the library judges it: its session credentials are read into the
 * request scope, the JSON Web Token mapper (when it is on) is told which token the server itself verified, and
 * {@link OrySecurityContext} is installed. Done by {@link SessionCredentialsFilter} before JAX-RS matches the request
 * (so that a sub-resource locator, which JAX-RS calls while matching, already sees the session), or by
 * {@link OrySessionFilter} when an application left that filter out; never twice.
 */
final class RequestEntry {

    /** The header of a session token, as Kratos names it. */
    static final String SESSION_TOKEN_HEADER = "X-Session-Token";

    /** The request property that says the request went through here. */
    private static final String ENTERED = RequestEntry.class.getName() + ".entered";

    private RequestEntry() {
    }

    /**
     * @param request the request
     * @param beans the library's beans
     * @return the request's credentials
     */
    static Credentials enter(ContainerRequestContext request, LibraryBeans beans) {
        if (request.getProperty(ENTERED) != null) {
            return beans.requestCredentials().get();
        }
        Credentials credentials = beans.extractor().extract(request.getHeaders().get(SESSION_TOKEN_HEADER),
                request.getHeaders().get(HttpHeaders.AUTHORIZATION), request.getHeaders().get(HttpHeaders.COOKIE));
        beans.requestCredentials().set(credentials);
        SecurityContext server = request.getSecurityContext();
        ServerVerifiedToken verified = beans.serverVerifiedToken();
        if (verified != null && server != null) {
            Principal caller = server.getUserPrincipal();
            if (ServerVerifiedToken.isServerVerified(caller)) {
                // Only then: the request-scoped bean holds nothing otherwise, and making one costs every request.
                verified.offer(caller);
            }
        }
        request.setSecurityContext(new OrySecurityContext(beans.resolver(), server, beans.sessionTokens()));
        request.setProperty(ENTERED, Boolean.TRUE);
        return credentials;
    }
}
