package io.github.orysession.propagation;

import java.util.Locale;

/**
 * What {@link OryIdentityPropagation} adds to an outgoing call to carry the caller's identity.
 */
public enum PropagationMode {

    /**
     * {@code Authorization: Bearer <jwt>}: the Kratos-signed JSON Web Token of the caller's session
     * ({@code ory.session.tokenize-as}), for a downstream service that verifies JWTs (its server's MicroProfile JWT
     * against the tokenizer template's public keys). The default.
     */
    JWT("jwt"),

    /**
     * {@code X-Session-Token: <token>}: the caller's own Ory session token, for a downstream service that is itself
     * protected by this library (it asks Kratos about the same session). Only a session token is ever forwarded,
     * never a browser's session cookie: a call made for a browser carries nothing in this mode.
     */
    SESSION_TOKEN("session-token");

    private final String configValue;

    PropagationMode(String configValue) {
        this.configValue = configValue;
    }

    /** How the mode is written in configuration: {@code jwt} or {@code session-token}. */
    public String configValue() {
        return configValue;
    }

    /**
     * Reads a mode as written in configuration.
     *
     * @param value {@code jwt} or {@code session-token} (case-insensitive, surrounding spaces ignored)
     * @return the mode
     * @throws IllegalArgumentException when the value is neither
     */
    public static PropagationMode of(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (PropagationMode mode : values()) {
            if (mode.configValue.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("must be jwt or session-token, got " + value);
    }
}
