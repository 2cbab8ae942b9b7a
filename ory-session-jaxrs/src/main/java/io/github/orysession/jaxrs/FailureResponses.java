package io.github.orysession.jaxrs;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.github.orysession.OrySessionException;
import io.github.orysession.StepUpRequiredException;
import io.github.orysession.browser.LoginRedirects;
import io.github.orysession.internal.http.RequestKind;
import io.github.orysession.internal.json.Jsonp;

/**
 * The answer to a request that may not proceed, by kind of request. A browser navigation whose failure a login
 * cures (no session, a step-up, a re-authentication) is sent to Kratos's browser login with {@code 303}; an API
 * client that needs a step-up gets {@code 403} with Kratos's error shape and {@code redirect_browser_to}; every
 * other case is {@link ErrorResponses} (401 JSON, 503, 429, 502, 403 missing role, ...). Every {@code return_to}
 * goes through the allow-list.
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
        if (LoginRedirects.isCuredByLogin(failure)) {
            if (request.kind() == RequestKind.BROWSER) {
                // The page asked for is the way back; the allow-list decides whether it may be.
                URI login = redirects.loginFor(failure, request.uri().toString(), request.uri());
                return Response.seeOther(login).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
            }
            if (failure instanceof StepUpRequiredException stepUp) {
                // An API call is not a page to come back to: the page that made it (Referer) is, when allowed.
                return forbidden(stepUp, redirects.loginFor(failure, request.referer(), request.uri()));
            }
        }
        return ErrorResponses.of(failure, credentialsSent);
    }

    /** {@code 403} in the shape of Kratos's own {@code session_aal2_required} answer. */
    private static Response forbidden(StepUpRequiredException failure, URI redirectBrowserTo) {
        String body = Jsonp.PROVIDER.createObjectBuilder()
                .add("error", Jsonp.PROVIDER.createObjectBuilder()
                        .add("id", failure.reason())
                        .add("code", failure.status())
                        .add("status", "Forbidden")
                        .add("reason", failure.reason())
                        .add("message", failure.getMessage())
                        .add("details", Jsonp.PROVIDER.createObjectBuilder().add("redirect_browser_to", redirectBrowserTo.toString())))
                .add("redirect_browser_to", redirectBrowserTo.toString())
                .build()
                .toString();
        return Response.status(failure.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").entity(body).build();
    }
}
