package io.github.orysession.internal.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.github.orysession.AssuranceLevelRequiredException;
import io.github.orysession.KratosBadResponseException;
import io.github.orysession.KratosRateLimitedException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.OrySessionException;
import io.github.orysession.RefusalReason;
import io.github.orysession.internal.client.KratosFailures.Caller;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.metrics.SessionMetrics;
import io.github.orysession.internal.metrics.SessionMetrics.Event;
import io.github.orysession.model.KratosError;
import io.github.orysession.model.Session;

/**
 * Asks Kratos's {@code /sessions/whoami} through the {@link KratosPublicApi} REST client.
 * <p>
 * Fails closed: a transport failure or timeout is a {@link KratosUnavailableException}, a {@code 429} a
 * {@link KratosRateLimitedException}, a {@code 5xx}, an unexpected status or an unparseable body a
 * {@link KratosBadResponseException}. Only {@code 401}, {@code 403} and an inactive or expired session are
 * "no session"; a {@code 403} {@code session_aal2_required} keeps Kratos's error, for a second-factor login.
 * A {@link CircuitBreaker} stops the calls while Kratos keeps failing.
 */
@ApplicationScoped
@Typed(KratosSessionClient.class) // the SessionLookup bean is the cache in front of it
public class KratosSessionClient implements SessionLookup {

    private static final Logger LOG = Logger.getLogger(KratosSessionClient.class.getName());
    /** Kratos's answer header saying how long a whoami answer may be cached, in seconds. */
    static final String CACHE_FOR = "Ory-Session-Cache-For";

    private final OryConfig config;
    private final SessionMetrics metrics;
    private final SessionParser parser;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final Lazy<KratosPublicApi> api;

    /** For the CDI proxy only. */
    protected KratosSessionClient() {
        this.config = null;
        this.metrics = null;
        this.parser = null;
        this.breaker = null;
        this.clock = null;
        this.api = null;
    }

    /**
     * @param config the library configuration
     * @param metrics where calls and failures are counted
     */
    @Inject
    public KratosSessionClient(OryConfig config, SessionMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.parser = new SessionParser();
        this.clock = Clock.systemUTC();
        this.breaker = new CircuitBreaker(config.breakerThreshold(), config.breakerOpenFor(),
                config.connectTimeout().plus(config.readTimeout()).plusSeconds(1), clock);
        this.api = new Lazy<>(() -> RestClients.build(KratosPublicApi.class, config.kratosUrl(), config));
    }

    @Override
    public WhoamiResult whoami(Credentials credentials) {
        if (!credentials.isPresent()) {
            return WhoamiResult.rejected(credentials.refusal());
        }
        try {
            return call(credentials);
        } catch (OrySessionException e) {
            metrics.record(failureEvent(e));
            throw e;
        }
    }

    /**
     * Asks whoami without credentials, as a readiness probe: Kratos answering {@code 401} or {@code 200} means
     * it is up. Not counted as a whoami call of a request, but a call through the circuit breaker like any other: while
     * the breaker is open the probe does not ask, and once a trial is due the probe may be the trial, so that an
     * instance taken out of service for being unready (and so getting no requests) still finds Kratos back.
     *
     * @return {@code null} when Kratos is up, otherwise what is wrong
     */
    public String probe() {
        try (CircuitBreaker.Permit permit = breaker.acquire()) {
            try (Response response = api.get().whoami(null, null, null)) {
                int status = response.getStatus();
                if (status == 200 || status == 401 || status == 403 || status == 429) {
                    permit.succeeded(); // answered on purpose, as for a request's whoami
                } else {
                    permit.failed();
                }
                return status == 200 || status == 401 ? null : "whoami answered HTTP " + status;
            } catch (ProcessingException e) {
                permit.failed();
                return "unreachable: " + KratosFailures.describe(e);
            }
        } catch (KratosUnavailableException open) {
            return "circuit breaker open after repeated failures";
        }
    }

    /** The Kratos URL this client asks. */
    public URI kratosUrl() {
        return config.kratosUrl();
    }

    /** Whether the circuit breaker currently refuses calls. */
    public boolean isCircuitOpen() {
        return breaker.isOpen();
    }

    /** Closes the REST client when the application stops, as the session-management clients do. */
    @PreDestroy
    void close() {
        RestClients.close(api);
    }

    private WhoamiResult call(Credentials credentials) {
        // However the call ends (an Error, an unexpected exception, a throwing metrics listener), the permit is
        // closed, so that a trial call can never leave the breaker half-open for good.
        try (CircuitBreaker.Permit permit = breaker.acquire()) {
            metrics.record(Event.WHOAMI_CALL);
            Response response;
            try {
                response = api.get().whoami(credentials.sessionToken().orElse(null),
                        credentials.sessionCookies().orElse(null), config.tokenizeAs());
            } catch (ProcessingException e) {
                permit.failed();
                throw KratosFailures.unavailable("whoami", config.kratosUrl(), e);
            }
            try (response) {
                WhoamiResult result = interpret(response, credentials);
                permit.succeeded();
                return result;
            } catch (KratosRateLimitedException e) {
                permit.succeeded();
                throw e;
            } catch (KratosBadResponseException e) {
                permit.failed();
                throw e;
            } catch (ProcessingException e) {
                permit.failed();
                throw KratosFailures.unavailable("whoami (reading the answer)", config.kratosUrl(), e);
            }
        }
    }

    private WhoamiResult interpret(Response response, Credentials credentials) {
        int status = response.getStatus();
        if (status == 200) {
            Session session = parse(response.readEntity(String.class));
            if (!session.isUsableAt(clock.instant())) {
                return WhoamiResult.rejected(RefusalReason.INACTIVE_SESSION);
            }
            List<String> setCookies = response.getStringHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
            return WhoamiResult.authenticated(session, setCookies).withCacheFor(cacheFor(response));
        }
        if (status == 401 || status == 403) {
            LOG.log(Level.FINE, "Kratos rejected {0} with {1}", new Object[] {credentials, status});
            return rejection(response, status);
        }
        throw KratosFailures.failure("whoami", config.kratosUrl(), status, "", response.getHeaderString("Retry-After"),
                Caller.WHOAMI);
    }

    /**
     * A {@code 403} whose error id is {@code session_aal2_required} is a session Kratos knows but will not vouch for
     * below AAL2 ({@code session.whoami.required_aal: highest_available}): kept apart, with Kratos's error, so that
     * the user is sent to a second-factor login rather than to a login from scratch. Anything else is an invalid
     * session; a {@code 401} says so in {@link WhoamiResult#unknownToKratos()}, which the cache may remember.
     */
    private static WhoamiResult rejection(Response response, int status) {
        if (status == 403) {
            KratosError error = KratosError.parse(response.readEntity(String.class), status).orElse(null);
            if (error != null && AssuranceLevelRequiredException.SESSION_AAL2_REQUIRED.equals(error.id())) {
                return WhoamiResult.rejected(RefusalReason.SESSION_AAL2_REQUIRED, error);
            }
        }
        return status == 401 ? WhoamiResult.unknown() : WhoamiResult.rejected(RefusalReason.INVALID_SESSION);
    }

    private Session parse(String body) {
        try {
            return parser.parse(body);
        } catch (KratosBadResponseException e) {
            LOG.log(Level.WARNING, "Kratos whoami at {0}: {1}", new Object[] {config.kratosUrl(), e.getMessage()});
            throw e;
        }
    }

    /** Kratos's {@code Ory-Session-Cache-For} (whole seconds), or {@code null} when absent or not a number. */
    private static Duration cacheFor(Response response) {
        String value = response.getHeaderString(CACHE_FOR);
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException e) {
            return null;
        }
    }


    private static Event failureEvent(OrySessionException e) {
        if (e instanceof KratosRateLimitedException) {
            return Event.FAILURE_RATE_LIMITED;
        }
        return e instanceof KratosUnavailableException ? Event.FAILURE_UNAVAILABLE : Event.FAILURE_BAD_RESPONSE;
    }
}
