package io.github.orysession;

/**
 * Kratos could not be asked: connection refused, DNS failure, or a timeout. Answered with {@code 503}; the
 * request is never let through, and never called unauthenticated.
 */
public class KratosUnavailableException extends OrySessionException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause the transport failure
     */
    public KratosUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String reason() {
        return "kratos_unavailable";
    }
}
