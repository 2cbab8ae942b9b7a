/**
 * The session payload of Kratos's {@code /sessions/whoami}, as immutable records (their {@code @JsonbProperty}
 * names are Kratos's, so JSON-B writes them as Kratos does).
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

