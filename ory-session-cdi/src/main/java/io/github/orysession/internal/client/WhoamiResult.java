package io.github.orysession.internal.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.orysession.RefusalReason;
import io.github.orysession.model.KratosError;
import io.github.orysession.model.Session;

/**
 * Kratos's verdict on a request's credentials.
 *
 * @param session the usable session, or {@code null} when there is none
 * @param rejection why there is no session, or {@code null} when there is one
 * @param setCookies {@code Set-Cookie} values Kratos returned, to pass on to the browser
 * @param cacheFor how long Kratos allows the answer to be cached ({@code Ory-Session-Cache-For}), or {@code null}
 *        when it did not say
 * @param error Kratos's error body when it refused the credentials with one, or {@code null}
 * @param unknownToKratos whether Kratos answered {@code 401}: it knows no session for these credentials. The one
 *        refusal the session cache remembers (briefly), because no later step-up can change it for the same credential
 * @param grants the session's roles and attributes ({@link AugmentingLookup}); {@link Grants#NONE} without a session
 */
public record WhoamiResult(Session session, RefusalReason rejection, List<String> setCookies, Duration cacheFor,
                           KratosError error, boolean unknownToKratos, Grants grants) {

    /** Normalises an absent cookie list and absent grants. */
    public WhoamiResult {
        setCookies = setCookies == null ? List.of() : List.copyOf(setCookies);
        grants = grants == null ? Grants.NONE : grants;
    }

    /**
     * @param session a usable session
     * @param setCookies cookies Kratos set
     * @return an authenticated verdict
     */
    public static WhoamiResult authenticated(Session session, List<String> setCookies) {
        return new WhoamiResult(session, null, setCookies, null, null, false, Grants.NONE);
    }

    /**
     * @param reason why there is no session
     * @return an unauthenticated verdict
     */
    public static WhoamiResult rejected(RefusalReason reason) {
        return new WhoamiResult(null, reason, List.of(), null, null, false, Grants.NONE);
    }

    /**
     * @param reason why there is no session
     * @param error the error body Kratos sent
     * @return an unauthenticated verdict that keeps Kratos's error
     */
    public static WhoamiResult rejected(RefusalReason reason, KratosError error) {
        return new WhoamiResult(null, reason, List.of(), null, error, false, Grants.NONE);
    }

    /**
     * @return Kratos's {@code 401}: an {@link RefusalReason#INVALID_SESSION} that says Kratos knows no session for the
     *         credentials
     */
    public static WhoamiResult unknown() {
        return new WhoamiResult(null, RefusalReason.INVALID_SESSION, List.of(), null, null, true, Grants.NONE);
    }

    /**
     * @param duration how long Kratos allows this answer to be cached
     * @return a copy that says so
     */
    public WhoamiResult withCacheFor(Duration duration) {
        return new WhoamiResult(session, rejection, setCookies, duration, error, unknownToKratos, grants);
    }

    /**
     * @param worked the session's roles and attributes
     * @return a copy that carries them
     */
    public WhoamiResult withGrants(Grants worked) {
        return new WhoamiResult(session, rejection, setCookies, cacheFor, error, unknownToKratos, worked);
    }

    /** The session, when Kratos accepted the credentials. */
    public Optional<Session> sessionIfAny() {
        return Optional.ofNullable(session);
    }

    /** Kratos's {@code Ory-Session-Cache-For}, when it sent one. */
    public Optional<Duration> cacheForIfAny() {
        return Optional.ofNullable(cacheFor);
    }
}
