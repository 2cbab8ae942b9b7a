package io.github.orysession.jaxrs;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.github.orysession.KratosApiException;
import io.github.orysession.KratosRateLimitedException;
import io.github.orysession.OrySessionException;
import io.github.orysession.internal.json.Jsonp;
import io.github.orysession.model.KratosError;

/**
 * Turns an {@link OrySessionException} into the response a client gets: the status the exception names, a
 * JSON body shaped like Kratos's own errors ({@code {"error":{"code","status","reason","message"}}}), and the
 * headers that go with the status. The body never contains a credential.
 * <p>
 * When Kratos refused a session-management call because of what the client asked for (a
 * {@link KratosApiException} with a {@code 4xx} status), Kratos's own error is added as {@code error.kratos}
 * ({@code id}, {@code code}, {@code status}, {@code reason}, {@code message}, {@code request}, {@code details}), so
 * that the client can act on it. A Kratos fault ({@code 502}) shows only the library's reason: Kratos's internals
 * are not the client's business.
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
        JsonObjectBuilder error = Jsonp.PROVIDER.createObjectBuilder()
                .add("code", failure.status())
                .add("status", status == null ? "Error" : status.getReasonPhrase())
                .add("reason", failure.reason() == null ? "unknown" : failure.reason())
                .add("message", failure.getMessage() == null ? "" : failure.getMessage());
        if (failure instanceof KratosApiException refused && refused.isClientError()) {
            refused.error().ifPresent(kratos -> error.add("kratos", kratos(kratos)));
        }
        return Jsonp.PROVIDER.createObjectBuilder().add("error", error).build().toString();
    }

    private static JsonObjectBuilder kratos(KratosError error) {
        JsonObjectBuilder kratos = Jsonp.PROVIDER.createObjectBuilder().add("code", error.code());
        addIfPresent(kratos, "id", error.id());
        addIfPresent(kratos, "status", error.status());
        addIfPresent(kratos, "reason", error.reason());
        addIfPresent(kratos, "message", error.message());
        addIfPresent(kratos, "request", error.request());
        return kratos.add("details", error.details());
    }

    private static void addIfPresent(JsonObjectBuilder builder, String name, String value) {
        if (value != null) {
            builder.add(name, value);
        }
    }
}
