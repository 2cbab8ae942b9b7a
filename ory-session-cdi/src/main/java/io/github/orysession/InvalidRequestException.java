package io.github.orysession;

/**
 * A session-management call was asked for with something that can never work, so Kratos is not asked at all: a
 * session or identity id that is not a UUID, a page size out of range, the browser logout without a session cookie,
 * or the token logout without a session token. Answered with {@code 400}.
 */
public class InvalidRequestException extends OrySessionException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param reason a short machine-readable reason, such as {@code invalid_session_id} or {@code session_token_required}
     * @param message what is wrong, without any credential
     */
    public InvalidRequestException(String reason, String message) {
        super(message, null);
        this.reason = reason;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String reason() {
        return reason;
    }
}
