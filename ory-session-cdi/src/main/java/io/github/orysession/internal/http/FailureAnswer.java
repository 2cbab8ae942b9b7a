package io.github.orysession.internal.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObjectBuilder;

import io.github.orysession.KratosApiException;
import io.github.orysession.KratosRateLimitedException;
import io.github.orysession.OrySessionException;
import io.github.orysession.StepUpRequiredException;
import io.github.orysession.browser.LoginRedirects;
import io.github.orysession.internal.json.Jsonp;
import io.github.orysession.model.KratosError;

/**
 * The answer to a request that may not proceed, whichever entry point met it; each entry point only writes it out.
 * <p>
 * A browser navigation whose failure a login cures (no session, a step-up, a re-authentication) is sent to Kratos's
 * browser login with {@code 303}; an API client that needs a step-up gets {@code 403} in the shape of Kratos's own
 * {@code session_aal2_required} with {@code redirect_browser_to}; every other case is the JSON error body
 * {@code {"error":{"code","status","reason","message"}}} with the status the exception names (401, 503, 429, 502,
 * 403 for a missing role, ...). Every {@code return_to} goes through the allow-list; no body or header ever holds a
 * credential. When Kratos refused a session-management call because of what the client asked for (a
 * {@link KratosApiException} with a {@code 4xx} status), Kratos's own error is added as {@code error.kratos}; a Kratos
 * fault shows only the library's reason.
 *
 * @param status the HTTP status
 * @param headers the response headers, in order ({@code Location}, {@code Cache-Control}, {@code WWW-Authenticate},
 *        {@code Retry-After})
 * @param body the JSON body, or {@code null} for a redirect
 */
public record FailureAnswer(int status, Map<String, String> headers, String body) {

    /** Seconds a client is told to wait when Kratos is unreachable. */
    public static final String UNAVAILABLE_RETRY_AFTER = "5";
    /** The media type of {@link #body()}. */
    public static final String JSON = "application/json";

    /** Copies the headers, keeping their order. */
    public FailureAnswer {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * @param failure why the request may not proceed
     * @param request the request
     * @param redirects the login URLs and the allow-list
     * @param credentialsSent whether the request offered a credential (for {@code WWW-Authenticate})
     * @return the answer
     */
    public static FailureAnswer of(OrySessionException failure, RequestView request, LoginRedirects redirects,
                                   boolean credentialsSent) {
        if (LoginRedirects.isCuredByLogin(failure)) {
            if (request.kind() == RequestKind.BROWSER) {
                // The page asked for is the way back; the allow-list decides whether it may be.
                URI login = redirects.loginFor(failure, request.uri().toString(), request.uri());
                return new FailureAnswer(303, Map.of("Location", login.toString(), "Cache-Control", "no-store"), null);
            }
            if (failure instanceof StepUpRequiredException stepUp) {
                // An API call is not a page to come back to: the page that made it (Referer) is, when allowed.
                return stepUp(stepUp, redirects.loginFor(failure, request.referer(), request.uri()));
            }
        }
        return error(failure, credentialsSent);
    }

    /**
     * The JSON error answer, for any kind of request.
     *
     * @param failure why the request has no trusted session
     * @param credentialsSent whether the request offered a credential (for the {@code WWW-Authenticate} error code)
     * @return the answer
     */
    public static FailureAnswer error(OrySessionException failure, boolean credentialsSent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        if (failure.status() == 401) {
            headers.put("WWW-Authenticate", credentialsSent ? "Bearer realm=\"ory\", error=\"invalid_token\"" : "Bearer realm=\"ory\"");
        } else if (failure instanceof KratosRateLimitedException limited) {
            limited.retryAfter().ifPresent(value -> headers.put("Retry-After", value));
        } else if (failure.status() == 503) {
            headers.put("Retry-After", UNAVAILABLE_RETRY_AFTER);
        }
        JsonObjectBuilder error = Jsonp.PROVIDER.createObjectBuilder()
                .add("code", failure.status())
                .add("status", StatusPhrases.of(failure.status()))
                .add("reason", failure.reason() == null ? "unknown" : failure.reason())
                .add("message", failure.getMessage() == null ? "" : failure.getMessage());
        if (failure instanceof KratosApiException refused && refused.isClientError()) {
            refused.error().ifPresent(kratos -> error.add("kratos", kratos(kratos)));
        }
        return new FailureAnswer(failure.status(), headers, Jsonp.PROVIDER.createObjectBuilder().add("error", error).build().toString());
    }

    /** The login to send a browser to, when this answer is a redirect. */
    public Optional<URI> location() {
        return Optional.ofNullable(headers.get("Location")).map(URI::create);
    }

    /** {@code 403} in the shape of Kratos's own {@code session_aal2_required} answer. */
    private static FailureAnswer stepUp(StepUpRequiredException failure, URI redirectBrowserTo) {
        String body = Jsonp.PROVIDER.createObjectBuilder()
                .add("error", Jsonp.PROVIDER.createObjectBuilder()
                        .add("id", failure.reason())
                        .add("code", failure.status())
                        .add("status", StatusPhrases.of(failure.status()))
                        .add("reason", failure.reason())
                        .add("message", failure.getMessage())
                        .add("details", Jsonp.PROVIDER.createObjectBuilder().add("redirect_browser_to", redirectBrowserTo.toString())))
                .add("redirect_browser_to", redirectBrowserTo.toString())
                .build()
                .toString();
        return new FailureAnswer(failure.status(), Map.of("Cache-Control", "no-store"), body);
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
