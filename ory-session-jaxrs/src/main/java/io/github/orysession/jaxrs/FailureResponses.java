package io.github.orysession.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.github.orysession.OrySessionException;
import io.github.orysession.browser.LoginRedirects;
import io.github.orysession.internal.http.FailureAnswer;
import io.github.orysession.internal.http.RequestView;

/**
 * Writes the library's {@link FailureAnswer} (a login redirect for a browser, the JSON error for an API client) as a
 * JAX-RS {@link Response}: the decision is the core's, shared with every other entry point.
 */
final class FailureResponses {

    private FailureResponses() {
    }

    /**
     * @param failure why the request may not proceed
     * @param request the request
     * @param redirects the login URLs and the allow-list
     * @param credentialsSent whether the request offered a credential (for {@code WWW-Authenticate})
     * @return the response
     */
    static Response of(OrySessionException failure, RequestView request, LoginRedirects redirects, boolean credentialsSent) {
        return of(FailureAnswer.of(failure, request, redirects, credentialsSent));
    }

    static Response of(FailureAnswer answer) {
        Response.ResponseBuilder builder = Response.status(answer.status());
        answer.headers().forEach(builder::header);
        if (answer.body() != null) {
            builder.type(FailureAnswer.JSON).entity(answer.body());
        }
        return builder.build();
    }

    /** The request as a filter sees it. */
    static RequestView view(ContainerRequestContext request) {
        return new RequestView(request.getMethod(), request.getUriInfo().getRequestUri(), request.getHeaders()::get);
    }

    /** The request as an exception mapper sees it, through its injected {@code @Context} objects. */
    static RequestView view(Request request, UriInfo uriInfo, HttpHeaders headers) {
        return new RequestView(request.getMethod(), uriInfo.getRequestUri(), headers::getRequestHeader);
    }
}
