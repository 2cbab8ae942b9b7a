package io.github.orysession.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * An Ory session as returned by Kratos's {@code GET /sessions/whoami}.
 * <p>
 * Immutable. Fields Kratos leaves out or sends as {@code null} become empty lists or
 * {@code null} instants, never a parse failure; fields this type does not know are ignored.
 *
 * @param id the session id
 * @param active whether Kratos considers the session usable; an inactive session is never trusted
 * @param expiresAt when the session expires
 * @param authenticatedAt when the user last proved who they are
 * @param issuedAt when the session was issued
 * @param authenticatorAssuranceLevel the raw assurance level ({@code aal1}, {@code aal2}, ...); see {@link #assuranceLevel()}
 * @param authenticationMethods how the user authenticated, in order
 * @param devices the devices this session was used from
 * @param identity the identity the session belongs to
 * @param tokenized the Kratos-signed JWT of this session, present only when whoami was asked to tokenize
 */
public record Session(
        String id,
        boolean active,
        @JsonbProperty("expires_at") Instant expiresAt,
        @JsonbProperty("authenticated_at") Instant authenticatedAt,
        @JsonbProperty("issued_at") Instant issuedAt,
        @JsonbProperty("authenticator_assurance_level") String authenticatorAssuranceLevel,
        @JsonbProperty("authentication_methods") List<AuthenticationMethod> authenticationMethods,
        List<Device> devices,
        Identity identity,
        String tokenized) {

    /** Normalises absent collections to empty ones. */
    public Session {
        authenticationMethods = authenticationMethods == null ? List.of() : List.copyOf(authenticationMethods);
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    /** The assurance level as a type; {@link AuthenticatorAssuranceLevel#AAL0} when Kratos sent none. */
    public AuthenticatorAssuranceLevel assuranceLevel() {
        return AuthenticatorAssuranceLevel.of(authenticatorAssuranceLevel);
    }

    /** The signed JWT Kratos issued for this session, when a tokenizer template was requested. */
    public Optional<String> tokenizedJwt() {
        return Optional.ofNullable(tokenized);
    }

    /**
     * Whether the session can be trusted at {@code now}: active, with an identity, and not expired.
     *
     * @param now the instant to judge at
     * @return {@code true} if the session is usable
     */
    public boolean isUsableAt(Instant now) {
        return active && id != null && identity != null && identity.id() != null
                && (expiresAt == null || now.isBefore(expiresAt));
    }

    /**
     * The time since the user last authenticated.
     *
     * @param now the instant to measure to
     * @return the age of the authentication, or {@link Optional#empty()} when unknown
     */
    public Optional<Duration> authenticationAge(Instant now) {
        return Optional.ofNullable(authenticatedAt).map(at -> Duration.between(at, now));
    }
}
