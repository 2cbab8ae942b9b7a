package io.github.orysession.client;

import java.util.List;
import java.util.Optional;

import io.github.orysession.model.Session;

/**
 * Kratos's verdict on a request's credentials.
 *
 * @param session the usable session, or {@code null} when there is none
 * @param rejection why there is no session ({@code no_credentials}, {@code invalid_session},
 *        {@code inactive_session}), or {@code null} when there is one
 * @param setCookies {@code Set-Cookie} values Kratos returned, to pass on to the browser
 */
public record WhoamiResult(Session session, String rejection, List<String> setCookies) {

    /** Normalises an absent cookie list. */
    public WhoamiResult {
        setCookies = setCookies == null ? List.of() : List.copyOf(setCookies);
    }

    /**
     * @param session a usable session
     * @param setCookies cookies Kratos set
     * @return an authenticated verdict
     */
    public static WhoamiResult authenticated(Session session, List<String> setCookies) {
        return new WhoamiResult(session, null, setCookies);
    }

    /**
     * @param reason why there is no session
     * @return an unauthenticated verdict
     */
    public static WhoamiResult rejected(String reason) {
        return new WhoamiResult(null, reason, List.of());
    }

    /** The session, when Kratos accepted the credentials. */
    public Optional<Session> sessionIfAny() {
        return Optional.ofNullable(session);
    }
}
