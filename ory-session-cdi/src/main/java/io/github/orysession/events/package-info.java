/**
 * CDI events the library fires about requests' sessions, for an application to audit or alert without a filter of
 * its own: {@link io.github.orysession.events.AuthenticatedRequest}, {@link io.github.orysession.events.RefusedCredential}
 * and {@link io.github.orysession.events.KratosUnavailable}. None holds a token or cookie value. They are fired only
 * when the application observes them (synchronously with {@code @Observes}, or {@code @ObservesAsync}); an exception
 * thrown by a synchronous observer is logged and changes nothing about the request.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class SignInAudit {
 *     void authenticated(@Observes AuthenticatedRequest event) { audit.record(event.identityId(), event.sessionId()); }
 *     void refused(@ObservesAsync RefusedCredential event) { metrics.refused(event.reason()); }
 * }
 * }</pre>
 */
package io.github.orysession.events;
