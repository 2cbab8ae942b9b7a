package io.github.orysession.events;

import io.github.orysession.model.AuthenticatorAssuranceLevel;

/**
 * A request was found to carry a session Kratos vouches for: fired once per request, the first time anything (the
 * JAX-RS filter, the interceptor, {@code OrySession}) resolves it, whether Kratos or the session cache answered.
 * Observers may inject {@link io.github.orysession.OrySession} for more; the event itself holds no credential.
 *
 * <pre>{@code
 * void audit(@Observes AuthenticatedRequest event) {
 *     LOG.info(() -> "identity " + event.identityId() + " signed in at " + event.assuranceLevel());
 * }
 * }</pre>
 *
 * @param identityId the identity id (the subject)
 * @param sessionId the session id
 * @param assuranceLevel the session's assurance level
 * @param credential how the session was presented
 */
public record AuthenticatedRequest(String identityId, String sessionId, AuthenticatorAssuranceLevel assuranceLevel,
                                   CredentialKind credential) {
}
