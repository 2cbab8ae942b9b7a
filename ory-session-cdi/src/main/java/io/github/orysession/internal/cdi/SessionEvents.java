package io.github.orysession.internal.cdi;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;

import io.github.orysession.KratosBadResponseException;
import io.github.orysession.KratosRateLimitedException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.OrySessionException;
import io.github.orysession.RefusalReason;
import io.github.orysession.events.AuthenticatedRequest;
import io.github.orysession.events.CredentialKind;
import io.github.orysession.events.KratosUnavailable;
import io.github.orysession.events.RefusedCredential;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.model.Session;

/**
 * Fires the events of {@link io.github.orysession.events} for the {@link SessionResolver}, and only those the
 * application observes: which event types have synchronous or asynchronous observers is asked of the container
 * once, on first use (the observers are fixed once the application has started), so that a request of an application
 * that observes nothing builds no event and calls no {@code Event.fire}. A synchronous observer's exception is logged
 * and does not change the request's verdict; the events never hold a credential.
 */
@ApplicationScoped
public class SessionEvents {

    private static final Logger LOG = Logger.getLogger(SessionEvents.class.getName());
    private static final int FINGERPRINT_SHOWN = 12;

    private final BeanManager beans;
    private final Event<AuthenticatedRequest> authenticated;
    private final Event<RefusedCredential> refused;
    private final Event<KratosUnavailable> unavailable;
    private volatile Observed observed;

    /** For the CDI proxy only. */
    protected SessionEvents() {
        this.beans = null;
        this.authenticated = null;
        this.refused = null;
        this.unavailable = null;
    }

    /**
     * @param beans asked once which events are observed
     * @param authenticated fires {@link AuthenticatedRequest}
     * @param refused fires {@link RefusedCredential}
     * @param unavailable fires {@link KratosUnavailable}
     */
    @Inject
    public SessionEvents(BeanManager beans, Event<AuthenticatedRequest> authenticated, Event<RefusedCredential> refused,
                         Event<KratosUnavailable> unavailable) {
        this.beans = beans;
        this.authenticated = authenticated;
        this.refused = refused;
        this.unavailable = unavailable;
    }

    /**
     * @param offered the request's credentials
     * @param session the session Kratos vouched for
     */
    public void authenticated(Credentials offered, Session session) {
        Observers observers = observed().authenticated();
        if (observers.any()) {
            fire(authenticated, observers, new AuthenticatedRequest(session.identity().id(), session.id(),
                    session.assuranceLevel(), kind(offered)));
        }
    }

    /**
     * @param offered the request's credentials, which it did offer
     * @param reason why they were refused
     */
    public void refused(Credentials offered, RefusalReason reason) {
        Observers observers = observed().refused();
        if (observers.any()) {
            String fingerprint = offered.isPresent() ? offered.fingerprint().substring(0, FINGERPRINT_SHOWN) : "";
            fire(refused, observers, new RefusedCredential(reason, kind(offered), fingerprint));
        }
    }

    /**
     * @param failure why the lookup gave no verdict; only Kratos's own failures are announced
     */
    public void failed(OrySessionException failure) {
        if (!(failure instanceof KratosUnavailableException || failure instanceof KratosRateLimitedException
                || failure instanceof KratosBadResponseException)) {
            return;
        }
        Observers observers = observed().unavailable();
        if (observers.any()) {
            fire(unavailable, observers, new KratosUnavailable(failure.reason(), failure.status(), failure.getMessage()));
        }
    }

    private static CredentialKind kind(Credentials offered) {
        if (offered.sessionToken().isPresent()) {
            return CredentialKind.SESSION_TOKEN;
        }
        return offered.sessionCookies().isPresent() ? CredentialKind.SESSION_COOKIE : CredentialKind.UNUSABLE;
    }

    private static <T> void fire(Event<T> event, Observers observers, T payload) {
        if (observers.sync()) {
            try {
                event.fire(payload);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An observer of " + payload.getClass().getSimpleName()
                        + " failed; the request goes on as decided", e);
            }
        }
        if (observers.async()) {
            event.fireAsync(payload).exceptionally(e -> {
                LOG.log(Level.WARNING, "An asynchronous observer of " + payload.getClass().getSimpleName() + " failed", e);
                return null;
            });
        }
    }

    private Observed observed() {
        Observed known = observed;
        if (known == null) {
            known = new Observed(observers(new AuthenticatedRequest(null, null, null, null)),
                    observers(new RefusedCredential(null, null, null)), observers(new KratosUnavailable(null, 0, null)));
            observed = known;
        }
        return known;
    }

    private Observers observers(Object sample) {
        Set<ObserverMethod<? super Object>> methods = beans.resolveObserverMethods(sample);
        return new Observers(methods.stream().anyMatch(m -> !m.isAsync()), methods.stream().anyMatch(ObserverMethod::isAsync));
    }

    private record Observed(Observers authenticated, Observers refused, Observers unavailable) {
    }

    private record Observers(boolean sync, boolean async) {
        boolean any() {
            return sync || async;
        }
    }
}
