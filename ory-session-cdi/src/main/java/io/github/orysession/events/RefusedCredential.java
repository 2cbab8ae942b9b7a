package io.github.orysession.events;

import io.github.orysession.RefusalReason;

/**
 * A request offered a session token or cookies and was refused: Kratos knows no such session, the session is
 * inactive, or what was sent cannot be a credential. Not fired for a request that offered nothing. The event holds
 * no credential; {@link #fingerprint()} tells repeated attempts with the same one apart.
 *
 * <pre>{@code
 * void watch(@ObservesAsync RefusedCredential event) {
 *     failures.merge(event.fingerprint(), 1, Integer::sum);
 * }
 * }</pre>
 *
 * @param reason why it was refused
 * @param credential what was offered
 * @param fingerprint the first 12 hex digits of the credential's SHA-256 digest (as the library's log lines show
 *        it), or the empty string for an {@link CredentialKind#UNUSABLE} one
 */
public record RefusedCredential(RefusalReason reason, CredentialKind credential, String fingerprint) {
}
