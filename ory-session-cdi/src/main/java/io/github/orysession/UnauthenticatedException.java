package io.github.orysession;

/**
 * The request has no session Kratos accepts: no credentials, an unknown or revoked one, or an inactive
 * or expired session. Answered with {@code 401}.
 */
public class UnauthenticatedException extends OrySessionException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param reason a short machine-readable reason, such as {@code no_credentials} or {@code invalid_session}
     * @param message what happened, without any credential
     */
    public UnauthenticatedException(String reason, String message) {
        super(message, null);
        this.reason = reason;
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String reason() {
        return reason;
    }
}
