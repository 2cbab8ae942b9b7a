package io.github.orysession.internal.propagation;

import java.time.Instant;
import java.util.Optional;

import io.github.orysession.OrySessionException;

/**
 * The caller's identity as it was when a REST client call was made, taken on the request thread: what the call may
 * carry, or why it can carry nothing. It holds secrets (the session token, the JWT) and never shows them.
 * <p>
 * An asynchronous call's capture travels to the thread that sends it ({@link AsyncCaptures}) and is
 * {@linkplain #close() closed} when the call completes: a capture left behind on a pooled thread is then inert, so
 * it can never be sent with a later call of another request.
 */
final class CapturedIdentity {

    /** What the capture found. */
    enum Kind {
        /** A session Kratos vouched for. */
        SESSION,
        /** No usable session: anonymous, invalid, revoked, expired, or refused by Kratos for its level. */
        NO_SESSION,
        /** Kratos could not say (unreachable, rate-limiting, garbage): never taken for an anonymous caller. */
        KRATOS_FAILURE,
        /** No request to take an identity from. */
        OUTSIDE_REQUEST
    }

    private final Kind kind;
    private final OrySessionException failure;
    private final String identityId;
    private final String sessionToken;
    private final String jwt;
    private final Instant jwtExpiry;
    private volatile boolean open = true;

    private CapturedIdentity(Kind kind, OrySessionException failure, String identityId, String sessionToken, String jwt,
                             Instant jwtExpiry) {
        this.kind = kind;
        this.failure = failure;
        this.identityId = identityId;
        this.sessionToken = sessionToken;
        this.jwt = jwt;
        this.jwtExpiry = jwtExpiry;
    }

    /** No request context on this thread. */
    static CapturedIdentity outsideRequest() {
        return new CapturedIdentity(Kind.OUTSIDE_REQUEST, null, null, null, null, null);
    }

    /**
     * @param why the exception that says why there is no session ({@code UnauthenticatedException},
     *        {@code AssuranceLevelRequiredException})
     * @return a capture without a session
     */
    static CapturedIdentity noSession(OrySessionException why) {
        return new CapturedIdentity(Kind.NO_SESSION, why, null, null, null, null);
    }

    /**
     * @param failure why Kratos could not give a verdict
     * @return a capture that must fail any call that would carry an identity
     */
    static CapturedIdentity kratosFailure(OrySessionException failure) {
        return new CapturedIdentity(Kind.KRATOS_FAILURE, failure, null, null, null, null);
    }

    /**
     * @param identityId whose session it is (not a secret; for diagnostics)
     * @param sessionToken the caller's session token, or {@code null} when the session came as a browser cookie
     * @param jwt the session's Kratos-signed JWT, or {@code null} when it has none
     * @param jwtExpiry the JWT's {@code exp}, or {@code null} when it has none (then it is never sent)
     * @return a capture with a session
     */
    static CapturedIdentity session(String identityId, String sessionToken, String jwt, Instant jwtExpiry) {
        return new CapturedIdentity(Kind.SESSION, null, identityId, sessionToken, jwt, jwtExpiry);
    }

    Kind kind() {
        return kind;
    }

    /** Why there is no session, or Kratos's failure; {@code null} for a session or outside a request. */
    OrySessionException failure() {
        return failure;
    }

    Optional<String> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    Optional<String> jwt() {
        return Optional.ofNullable(jwt);
    }

    Optional<Instant> jwtExpiry() {
        return Optional.ofNullable(jwtExpiry);
    }

    /** Whether the call it was taken for is still going on. */
    boolean isOpen() {
        return open;
    }

    /** The call it was taken for is over: it must never be used again. */
    void close() {
        open = false;
    }

    @Override
    public String toString() {
        return "CapturedIdentity[" + kind + (identityId == null ? "" : ", identity " + identityId)
                + (sessionToken == null ? "" : ", session token") + (jwt == null ? "" : ", jwt until " + jwtExpiry)
                + (failure == null ? "" : ", " + failure.reason()) + (open ? "" : ", closed") + "]";
    }
}
