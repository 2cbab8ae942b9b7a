package io.github.orysession;

/**
 * Why a request has no usable session, as the error body's {@code reason} says it ({@link #wireValue()}) and as a
 * sentence for people ({@link #message()}). Carried by {@link UnauthenticatedException#refusal()}.
 */
public enum RefusalReason {
    /** No session cookie and no session token was sent. */
    NO_CREDENTIALS("no_credentials", "No Ory session cookie or session token was sent"),
    /** Kratos knows no such session: unknown, revoked or expired. */
    INVALID_SESSION("invalid_session", "The Ory session is invalid, expired or revoked"),
    /** Kratos answered with a session that is not active, or that has expired. */
    INACTIVE_SESSION("inactive_session", "The Ory session is inactive or expired"),
    /** A token or session cookie longer than {@code ory.session.max-credential-length}; never sent to Kratos. */
    CREDENTIAL_TOO_LARGE("credential_too_large", "The session token or cookie is larger than any Ory session credential"),
    /** A token or session cookie with characters no Ory credential has; never sent to Kratos. */
    MALFORMED_CREDENTIAL("malformed_credential", "The session token or cookie contains characters no Ory credential has"),
    /** More distinct session cookies than a browser sends; never sent to Kratos. */
    TOO_MANY_SESSION_COOKIES("too_many_session_cookies", "The request carries more session cookies than a browser sends"),
    /**
     * Kratos knows the session but will not vouch for it below AAL2 ({@code session.whoami.required_aal:
     * highest_available}): answered as {@link AssuranceLevelRequiredException}, a second-factor login.
     */
    SESSION_AAL2_REQUIRED(AssuranceLevelRequiredException.SESSION_AAL2_REQUIRED,
            "Kratos requires a session with a second factor (session_aal2_required)");

    private final String wireValue;
    private final String message;

    RefusalReason(String wireValue, String message) {
        this.wireValue = wireValue;
        this.message = message;
    }

    /** The {@code reason} of the error body, such as {@code invalid_session}. */
    public String wireValue() {
        return wireValue;
    }

    /** What happened, in a sentence that never holds a credential. */
    public String message() {
        return message;
    }
}
