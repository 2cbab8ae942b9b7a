package io.github.orysession;

import java.time.Duration;
import java.util.Map;

/**
 * The user authenticated too long ago for this method ({@code @Authenticated(maxAgeSeconds = ...)}): they must
 * sign in again ({@code /self-service/login/browser?refresh=true}). Answered with {@code 403}.
 */
public class ReauthenticationRequiredException extends StepUpRequiredException {

    /** Kratos's error id for a session that must authenticate again, also this exception's reason. */
    public static final String SESSION_REFRESH_REQUIRED = "session_refresh_required";

    private static final long serialVersionUID = 1L;

    private final Duration maxAge;

    /**
     * @param maxAge the longest time since the last authentication this method accepts
     */
    public ReauthenticationRequiredException(Duration maxAge) {
        super("This needs an authentication within the last " + maxAge.toSeconds() + " seconds");
        this.maxAge = maxAge;
    }

    @Override
    public String reason() {
        return SESSION_REFRESH_REQUIRED;
    }

    /** The longest time since the last authentication this method accepts. */
    public Duration maxAge() {
        return maxAge;
    }

    @Override
    public Map<String, String> loginParameters() {
        return Map.of("refresh", "true");
    }
}
