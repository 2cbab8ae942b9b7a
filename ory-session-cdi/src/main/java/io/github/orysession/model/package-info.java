/**
 * The session payload of Kratos's {@code /sessions/whoami}, as immutable records parsed with JSON-B.
 *
 * <pre>{@code
 * Session s = orySession.get();
 * Instant expires = s.expiresAt();
 * boolean strong = s.assuranceLevel().satisfies(AuthenticatorAssuranceLevel.AAL2);
 * String email = s.identity().email().orElse("?");
 * JsonObject traits = s.identity().traits();
 * }</pre>
 */
package io.github.orysession.model;
