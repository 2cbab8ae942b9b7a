package io.github.orysession.internal.client;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import io.github.orysession.internal.config.OryConfig;

/**
 * Builds the library's MicroProfile REST clients the same way: the library's own timeouts, the default exception
 * mapper switched off so that every status reaches the caller, who decides what a failure means, and redirects never
 * followed. A redirect from Kratos is answered {@code 502} ({@link KratosFailures}); following it would send the
 * session token, the session cookie or the admin API key on to whatever host the {@code Location} names. Whether a
 * REST client follows redirects unless told is the implementation's choice, so it is told.
 */
public final class RestClients {

    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    private RestClients() {
    }

    /**
     * @param type the REST client interface
     * @param baseUri where the API lives
     * @param config the timeouts
     * @param <T> the interface type
     * @return the client
     */
    public static <T> T build(Class<T> type, URI baseUri, OryConfig config) {
        return RestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .build(type);
    }

    /**
     * Closes a REST client when the application stops, if it was ever made: the MicroProfile REST client proxies are
     * {@link AutoCloseable}, and an unclosed one keeps its connection pool (and, on some servers, threads) after an
     * undeployment.
     *
     * @param client the lazily built client
     */
    public static void close(Lazy<?> client) {
        client.ifMade().filter(AutoCloseable.class::isInstance).map(AutoCloseable.class::cast).ifPresent(closeable -> {
            try {
                closeable.close();
            } catch (Exception e) {
                // the application is stopping; nothing is left to do with the client
            }
        });
    }
}
