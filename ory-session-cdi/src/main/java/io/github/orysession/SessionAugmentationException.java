package io.github.orysession;

/**
 * The application's {@link SessionAugmentor} failed (threw, or returned {@code null}) for a session Kratos vouched
 * for. Answered with {@code 503}: the request is never let through without what the augmentor adds, and never
 * called unauthenticated; nothing is cached, so the next request tries again. The message names the augmentor's
 * exception type only; its own message is logged, not sent.
 */
public class SessionAugmentationException extends OrySessionException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, without any credential
     * @param cause what the augmentor threw, or {@code null}
     */
    public SessionAugmentationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String reason() {
        return "augmentation_failed";
    }
}
