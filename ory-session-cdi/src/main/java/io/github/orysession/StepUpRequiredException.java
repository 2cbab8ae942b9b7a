package io.github.orysession;

import java.util.Map;

/**
 * The request has a session, but not a good enough one: the user must sign in again through Kratos's browser
 * login with {@link #loginParameters()} (a second factor, or a fresh authentication). Answered with {@code 403}
 * and {@code redirect_browser_to} for API clients, and with a {@code 303} to that login for browser navigations.
 */
public abstract class StepUpRequiredException extends OrySessionException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what the session lacks
     */
    protected StepUpRequiredException(String message) {
        super(message, null);
    }

    @Override
    public int status() {
        return 403;
    }

    /**
     * The query parameters Kratos's browser login needs to fix this, in order, such as {@code aal=aal2} or
     * {@code refresh=true} ({@code return_to} is added by whoever builds the URL).
     *
     * @return parameter names and values, not encoded
     */
    public abstract Map<String, String> loginParameters();
}
