package io.github.orysession;

/**
 * The request has no usable session: no credentials, or credentials Kratos does not accept. Answered with
 * {@code 401} for an API client and a {@code 303} to Kratos's browser login for a browser navigation.
 */
public class UnauthenticatedException extends OrySessionException {

    private static final long serialVersionUID = 1L;

    private final RefusalReason refusal;

    /**
     * @param refusal why there is no session; its {@link RefusalReason#message()} is the message
     */
    public UnauthenticatedException(RefusalReason refusal) {
        this(refusal, refusal.message());
    }

    /**
     * @param refusal why there is no session
     * @param message what happened, without any credential
     */
    public UnauthenticatedException(RefusalReason refusal, String message) {
        super(message, null);
        this.refusal = refusal;
    }

    /** Why there is no session. */
    public RefusalReason refusal() {
        return refusal;
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String reason() {
        return refusal.wireValue();
    }
}
