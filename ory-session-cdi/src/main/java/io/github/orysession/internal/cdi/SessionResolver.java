package io.github.orysession.internal.cdi;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.github.orysession.AssuranceLevelRequiredException;
import io.github.orysession.OrySessionException;
import io.github.orysession.RefusalReason;
import io.github.orysession.SessionRequirement;
import io.github.orysession.StepUpRequiredException;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.model.Session;

/**
 * Resolves the current request's session once and remembers the verdict, failures included, for the rest of
 * the request: however many filters, interceptors and beans ask, Kratos is asked at most once per request, plus
 * once more ({@link #revalidate()}) only when the session fails a {@link SessionRequirement}.
 */
@RequestScoped
public class SessionResolver {

    private final RequestCredentials credentials;
    private final SessionLookup lookup;
    private final SessionEvents events;
    private final Clock clock = Clock.systemUTC();
    /**
     * Guards the request's verdict against threads of the same request (an asynchronous resource, a REST client's
     * callback). A lock of its own, never {@code synchronized} methods: the container's client proxy of this
     * request-scoped bean, one object shared by every request, copies a method's {@code synchronized} and so made every
     * request of the application wait on it while another asked Kratos.
     */
    private final Object lock = new Object();
    private WhoamiResult result;
    private OrySessionException failure;
    private boolean revalidated;
    private boolean announcedSession;
    private boolean resolving;

    /** For the CDI proxy only. */
    protected SessionResolver() {
        this.credentials = null;
        this.lookup = null;
        this.events = null;
    }

    /**
     * A resolver that fires no events, for tests.
     *
     * @param credentials the request's credentials
     * @param lookup asks Kratos
     */
    public SessionResolver(RequestCredentials credentials, SessionLookup lookup) {
        this(credentials, lookup, null);
    }

    /**
     * @param credentials the request's credentials
     * @param lookup asks Kratos
     * @param events announces each verdict to the application's observers, or {@code null} for none
     */
    @Inject
    public SessionResolver(RequestCredentials credentials, SessionLookup lookup, SessionEvents events) {
        this.credentials = credentials;
        this.lookup = lookup;
        this.events = events;
    }

    /**
     * Kratos's verdict on this request, asked on first use.
     *
     * @return the verdict
     * @throws OrySessionException when Kratos could not give one (the same exception again on later calls)
     */
    public WhoamiResult result() {
        synchronized (lock) {
            if (failure != null) {
                throw failure;
            }
            if (result == null) {
                if (resolving) {
                    // Only code that runs while the lookup runs gets here: the application's SessionAugmentor.
                    throw new IllegalStateException("The request's session is being resolved: a SessionAugmentor is given"
                            + " the session and must not use OrySession");
                }
                Credentials offered = credentials.get();
                resolving = true;
                try {
                    // Nothing, or something that cannot be a credential: no need to ask Kratos (or a cache).
                    result = offered.isPresent() ? lookup.whoami(offered)
                            : WhoamiResult.rejected(offered.refusal());
                } catch (OrySessionException e) {
                    failure = e;
                    announce(e);
                    throw e;
                } finally {
                    resolving = false;
                }
                announce(offered, result);
            }
            return result;
        }
    }

    /**
     * The verdict, when this request has already asked for it; never asks Kratos. For code that must not be the
     * one to make a request resolve its session (such as a response filter passing on Kratos's cookies).
     *
     * @return the verdict so far, or empty when nothing resolved the session yet or resolving it failed
     */
    public Optional<WhoamiResult> resolved() {
        synchronized (lock) {
            return Optional.ofNullable(result);
        }
    }

    /**
     * Asks Kratos itself again, bypassing any cache, and keeps the new verdict for the rest of the request. At
     * most once per request: a second call returns the verdict of the first.
     *
     * @return the fresh verdict
     * @throws OrySessionException when Kratos could not give one
     */
    public WhoamiResult revalidate() {
        synchronized (lock) {
            Credentials offered = credentials.get();
            if (revalidated || !offered.isPresent()) {
                return result();
            }
            revalidated = true;
            try {
                result = lookup.revalidate(offered);
                failure = null;
            } catch (OrySessionException e) {
                failure = e;
                announce(e);
                throw e;
            }
            announce(offered, result);
            return result;
        }
    }

    /** Tells the application's observers about a verdict: a session once per request, a refusal of what was offered. */
    private void announce(Credentials offered, WhoamiResult verdict) {
        if (events == null) {
            return;
        }
        if (verdict.session() != null) {
            if (!announcedSession) {
                announcedSession = true;
                events.authenticated(offered, verdict.session());
            }
        } else if (offered.wasOffered()) {
            events.refused(offered, verdict.rejection());
        }
    }

    private void announce(OrySessionException failure) {
        if (events != null) {
            events.failed(failure);
        }
    }

    /**
     * The session, or an exception that says why there is none.
     *
     * @return the usable session
     * @throws UnauthenticatedException when the request has no usable session
     * @throws AssuranceLevelRequiredException when Kratos refused the session for its assurance level
     * @throws OrySessionException when Kratos could not give a verdict
     */
    public Session require() {
        WhoamiResult verdict = result();
        if (verdict.session() == null) {
            if (verdict.rejection() == RefusalReason.SESSION_AAL2_REQUIRED) {
                throw new AssuranceLevelRequiredException(AuthenticatorAssuranceLevel.AAL2, verdict.error());
            }
            throw new UnauthenticatedException(verdict.rejection());
        }
        return verdict.session();
    }

    /**
     * A session that meets the requirement. When the request's session falls short (Kratos's own
     * {@code session_aal2_required} included), Kratos is asked once more ({@link #revalidate()}) before giving up:
     * a cache may still hold the session as it was before the user stepped up, and a session token keeps its
     * value when that happens. A session that meets the requirement costs no extra call.
     *
     * @param requirement what the session must meet
     * @return the session
     * @throws UnauthenticatedException when the request has no usable session
     * @throws StepUpRequiredException when the session falls short of the requirement, also after asking again
     * @throws OrySessionException when Kratos could not give a verdict
     */
    public Session require(SessionRequirement requirement) {
        Optional<StepUpRequiredException> shortfall = shortfall(requirement);
        if (shortfall.isPresent() && !isRevalidated()) {
            revalidate();
            shortfall = shortfall(requirement);
        }
        if (shortfall.isPresent()) {
            throw shortfall.get();
        }
        return require();
    }

    private boolean isRevalidated() {
        synchronized (lock) {
            return revalidated;
        }
    }

    private Optional<StepUpRequiredException> shortfall(SessionRequirement requirement) {
        Session session;
        try {
            session = require();
        } catch (AssuranceLevelRequiredException kratosRefused) {
            return Optional.of(kratosRefused);
        }
        return requirement.shortfall(session, clock.instant());
    }
}
