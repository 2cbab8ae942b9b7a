package io.github.orysession.internal.propagation;

import java.time.Clock;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptor;
import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptorFactory;

import io.github.orysession.internal.config.PropagationConfig;

/**
 * The {@link AsyncInvocationInterceptorFactory} that {@link PropagationListener} registers next to
 * {@link io.github.orysession.propagation.OryIdentityPropagation}: for each asynchronous call, an
 * {@link AsyncCaptures} that takes the caller's identity on the calling thread.
 * <p>
 * Its {@link ClientRequestFilter} side does nothing. It is there because Jersey (Payara) registers every provider with
 * the JAX-RS client too, and warns about one that has no client contract; RESTEasy (Open Liberty) registers a factory
 * as a factory only.
 */
public final class AsyncCapture implements AsyncInvocationInterceptorFactory, ClientRequestFilter {

    private final IdentityCapture capture;

    /**
     * @param config the application's configuration
     * @return the factory
     * @throws IllegalArgumentException naming the key, when the configuration is invalid
     */
    static AsyncCapture of(Config config) {
        return new AsyncCapture(new IdentityCapture(new CdiCurrentRequest(), PropagationConfig.load(config).renewBefore(),
                Clock.systemUTC()));
    }

    AsyncCapture(IdentityCapture capture) {
        this.capture = capture;
    }

    @Override
    public AsyncInvocationInterceptor newInterceptor() {
        // The call's method, and so its mode, is not known yet: capture() renews a JWT close to its expiry either way.
        return new AsyncCaptures(() -> capture.capture(null));
    }

    /** Nothing: {@link io.github.orysession.propagation.OryIdentityPropagation} does the filtering. */
    @Override
    public void filter(ClientRequestContext request) {
        // intentionally empty
    }
}
