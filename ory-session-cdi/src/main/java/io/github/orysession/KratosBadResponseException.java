package io.github.orysession;

/**
 * Kratos answered, but not usefully: a {@code 5xx}, an unexpected status, or a body that is not a session.
 * Answered with {@code 502}.
 */
public class KratosBadResponseException extends OrySessionException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong with the answer (never the request's credentials)
     * @param cause a parse failure, or {@code null}
     */
    public KratosBadResponseException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int status() {
        return 502;
    }

    @Override
    public String reason() {
        return "kratos_bad_response";
    }
}
