package io.github.orysession.model;

import java.util.Locale;

/**
 * Kratos's authenticator assurance levels, ordered from weakest to strongest.
 * {@code aal1} is one factor (for example a password), {@code aal2} adds a second one (for example TOTP).
 */
public enum AuthenticatorAssuranceLevel {
    /** No authentication. */
    AAL0,
    /** One factor. */
    AAL1,
    /** Two factors. */
    AAL2,
    /** Reserved by Kratos for hardware-backed factors. */
    AAL3;

    /**
     * Parses Kratos's wire value.
     *
     * @param value {@code aal1}, {@code aal2}, ... in any case; {@code null} or unknown values give {@link #AAL0}
     * @return the level
     */
    public static AuthenticatorAssuranceLevel of(String value) {
        if (value == null) {
            return AAL0;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "aal1" -> AAL1;
            case "aal2" -> AAL2;
            case "aal3" -> AAL3;
            default -> AAL0;
        };
    }

    /** The value as Kratos writes it, such as {@code aal2}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether this level satisfies {@code required}.
     *
     * @param required the minimum level
     * @return {@code true} if this level is at least {@code required}
     */
    public boolean satisfies(AuthenticatorAssuranceLevel required) {
        return compareTo(required) >= 0;
    }
}
