package io.github.orysession.events;

/**
 * Kratos could not give a verdict on a request's session: unreachable, too slow, the circuit breaker open
 * ({@code 503}), rate-limiting ({@code 429}) or answering something that is not a session ({@code 502}). The request
 * is refused with that status; it is never let through and never called unauthenticated. The event holds no
 * credential.
 *
 * <pre>{@code
 * void page(@ObservesAsync KratosUnavailable event) {
 *     alerts.raise("Kratos: " + event.reason());
 * }
 * }</pre>
 *
 * @param reason the error body's reason: {@code kratos_unavailable}, {@code kratos_rate_limited} or
 *        {@code kratos_bad_response}
 * @param status the HTTP status the request is answered with
 * @param message what happened, as the error body says it
 */
public record KratosUnavailable(String reason, int status, String message) {
}
