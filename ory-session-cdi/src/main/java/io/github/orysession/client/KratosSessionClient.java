package io.github.orysession.client;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import io.github.orysession.KratosBadResponseException;
import io.github.orysession.KratosRateLimitedException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.config.OryConfig;
import io.github.orysession.credentials.Credentials;
import io.github.orysession.model.Session;

/**
 * Asks Kratos's {@code /sessions/whoami} through the {@link KratosPublicApi} REST client.
 * <p>
 * Fails closed: a transport failure is a {@link KratosUnavailableException}, a {@code 429} a
 * {@link KratosRateLimitedException}, a {@code 5xx} or an unparseable body a {@link KratosBadResponseException}.
 * Only {@code 401}, {@code 403} and an inactive or expired session are "no session".
 */
@ApplicationScoped
public class KratosSessionClient implements SessionLookup {

    private static final Logger LOG = Logger.getLogger(KratosSessionClient.class.getName());
    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    private final OryConfig config;
    private final SessionParser parser;
    private final Clock clock;
    private volatile KratosPublicApi api;

    /** For the CDI proxy only. */
    protected KratosSessionClient() {
        this.config = null;
        this.parser = null;
        this.clock = null;
    }

    /**
     * @param config the library configuration
     */
    @Inject
    public KratosSessionClient(OryConfig config) {
        this.config = config;
        this.parser = new SessionParser();
        this.clock = Clock.systemUTC();
    }

    @Override
    public WhoamiResult whoami(Credentials credentials) {
        if (!credentials.isPresent()) {
            return WhoamiResult.rejected("no_credentials");
        }
        Response response;
        try {
            response = api().whoami(credentials.sessionToken().orElse(null),
                    credentials.sessionCookies().orElse(null), config.tokenizeAs());
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "Kratos whoami at {0} failed: {1}", new Object[] {config.kratosUrl(), describe(e)});
            throw new KratosUnavailableException("Kratos could not be reached: " + describe(e), e);
        }
        try (response) {
            return interpret(response, credentials);
        } catch (ProcessingException e) {
            throw new KratosUnavailableException("Kratos's answer could not be read: " + describe(e), e);
        }
    }

    private WhoamiResult interpret(Response response, Credentials credentials) {
        int status = response.getStatus();
        if (status == 200) {
            Session session = parser.parse(response.readEntity(String.class));
            if (!session.isUsableAt(clock.instant())) {
                return WhoamiResult.rejected("inactive_session");
            }
            List<String> setCookies = response.getStringHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
            return WhoamiResult.authenticated(session, setCookies);
        }
        if (status == 401 || status == 403) {
            LOG.log(Level.FINE, "Kratos rejected {0} with {1}", new Object[] {credentials, status});
            return WhoamiResult.rejected("invalid_session");
        }
        if (status == 429) {
            throw new KratosRateLimitedException(response.getHeaderString("Retry-After"));
        }
        throw new KratosBadResponseException("Kratos answered whoami with HTTP " + status, null);
    }

    private KratosPublicApi api() {
        KratosPublicApi result = api;
        if (result == null) {
            synchronized (this) {
                result = api;
                if (result == null) {
                    result = RestClientBuilder.newBuilder()
                            .baseUri(config.kratosUrl())
                            .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                            .build(KratosPublicApi.class);
                    api = result;
                }
            }
        }
        return result;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
