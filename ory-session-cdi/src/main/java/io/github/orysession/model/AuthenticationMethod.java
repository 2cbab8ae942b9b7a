package io.github.orysession.model;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * One way the user proved who they are within a session.
 *
 * @param method the method, such as {@code password}, {@code totp}, {@code oidc}, {@code code}
 * @param aal the assurance level this method contributed
 * @param completedAt when the method was completed
 * @param provider the OIDC provider, for {@code oidc}
 * @param organization the organization, for enterprise SSO
 */
public record AuthenticationMethod(
        String method,
        String aal,
        @JsonbProperty("completed_at") Instant completedAt,
        String provider,
        String organization) {
}
