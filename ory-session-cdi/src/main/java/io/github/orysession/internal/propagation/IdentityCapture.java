package io.github.orysession.internal.propagation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.github.orysession.AssuranceLevelRequiredException;
import io.github.orysession.OrySessionException;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.internal.json.Jwts;
import io.github.orysession.model.Session;
import io.github.orysession.propagation.PropagationMode;

/**
 * Takes the caller's identity from the request the current thread is handling, when a REST client call is made:
 * the session (resolved once per request, usually from the cache), its Kratos-signed JWT and the session token.
 * <p>
 * A JWT that expires within the renewal margin is renewed with Kratos first (once per request, bypassing the cache,
 * which then keeps the fresh answer), so that what is sent is never past its {@code exp}. The cache already ends an
 * entry at its JWT's {@code exp}; the margin covers the time until the downstream checks it.
 */
final class IdentityCapture {

    private final CurrentRequest request;
    private final Duration renewBefore;
    private final Clock clock;

    /**
     * @param request the request the current thread is handling
     * @param renewBefore how long before its expiry a JWT is renewed
     * @param clock the time source
     */
    IdentityCapture(CurrentRequest request, Duration renewBefore, Clock clock) {
        this.request = request;
        this.renewBefore = renewBefore;
        this.clock = clock;
    }

    /**
     * @param mode what the call will carry, or {@code null} when it is not known yet (an asynchronous call's capture,
     *        taken before the call's method is known): the JWT is then renewed whenever it is close to its expiry
     * @return the capture; never throws
     */
    CapturedIdentity capture(PropagationMode mode) {
        if (!request.isActive()) {
            return CapturedIdentity.outsideRequest();
        }
        try {
            Session session = request.session();
            Optional<Instant> expiry = session.tokenizedJwt().flatMap(Jwts::expiry);
            if (session.tokenizedJwt().isPresent() && mode != PropagationMode.SESSION_TOKEN && isCloseToExpiry(expiry)) {
                session = request.renewedSession();
                expiry = session.tokenizedJwt().flatMap(Jwts::expiry);
            }
            return CapturedIdentity.session(session.identity().id(), request.sessionToken().orElse(null),
                    session.tokenizedJwt().orElse(null), expiry.orElse(null));
        } catch (UnauthenticatedException | AssuranceLevelRequiredException noSession) {
            return CapturedIdentity.noSession(noSession);
        } catch (OrySessionException kratosFailure) {
            return CapturedIdentity.kratosFailure(kratosFailure);
        }
    }

    private boolean isCloseToExpiry(Optional<Instant> expiry) {
        // A JWT whose exp cannot be read is never sent: asking again will not make it readable.
        return expiry.isPresent() && !clock.instant().plus(renewBefore).isBefore(expiry.get());
    }
}
