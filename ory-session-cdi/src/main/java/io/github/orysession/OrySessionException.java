package io.github.orysession;

/**
 * Why a request could not be given a trusted session. Each subtype carries the HTTP status it maps to.
 * <p>
 * Messages never contain a session token or cookie value.
 */
public abstract class OrySessionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, without any credential
     * @param cause the cause, or {@code null}
     */
    protected OrySessionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The HTTP status this failure is answered with. */
    public abstract int status();

    /** A short machine-readable reason, such as {@code no_session} or {@code kratos_unavailable}. */
    public abstract String reason();
}
