package io.github.orysession.jaxrs;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.github.orysession.KratosRateLimitedException;
import io.github.orysession.OrySessionException;
import io.github.orysession.model.Jsonp;

/**
 * Turns an {@link OrySessionException} into the response a client gets: the status the exception names, a
 * JSON body shaped like Kratos's own errors ({@code {"error":{"code","status","reason","message"}}}), and the
 * headers that go with the status. The body never contains a credential.
 */
public final class ErrorResponses {

    /** Seconds a client is told to wait when Kratos is unreachable. */
    static final String UNAVAILABLE_RETRY_AFTER = "5";

    private ErrorResponses() {
    }

    /**
     * @param failure why the request has no trusted session
     * @param credentialsSent whether the request offered a credential (for the {@code WWW-Authenticate} error code)
     * @return the response
     */
    public static Response of(OrySessionException failure, boolean credentialsSent) {
        Response.Status status = Response.Status.fromStatusCode(failure.status());
        Response.ResponseBuilder builder = Response.status(failure.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(body(failure, status));
        switch (failure.status()) {
            case 401 -> builder.header(HttpHeaders.WWW_AUTHENTICATE,
                    credentialsSent ? "Bearer realm=\"ory\", error=\"invalid_token\"" : "Bearer realm=\"ory\"");
            case 429 -> ((KratosRateLimitedException) failure).retryAfter()
                    .ifPresent(value -> builder.header(HttpHeaders.RETRY_AFTER, value));
            case 503 -> builder.header(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER);
            default -> { }
        }
        return builder.build();
    }

    private static String body(OrySessionException failure, Response.Status status) {
        return Jsonp.PROVIDER.createObjectBuilder()
                .add("error", Jsonp.PROVIDER.createObjectBuilder()
                        .add("code", failure.status())
                        .add("status", status == null ? "Error" : status.getReasonPhrase())
                        .add("reason", failure.reason() == null ? "unknown" : failure.reason())
                        .add("message", failure.getMessage() == null ? "" : failure.getMessage()))
                .build()
                .toString();
    }
}
