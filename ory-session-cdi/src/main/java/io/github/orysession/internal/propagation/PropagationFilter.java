package io.github.orysession.internal.propagation;

import java.lang.reflect.Method;
import java.net.URI;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.client.ClientRequestContext;

import org.eclipse.microprofile.config.Config;

import io.github.orysession.internal.config.PropagationConfig;

/**
 * The work of {@link io.github.orysession.propagation.OryIdentityPropagation}: for each outgoing request, the policy of
 * its REST client method, the caller's identity (brought by {@link AsyncCaptures} for an asynchronous call, otherwise
 * taken now from the request this thread is handling), {@link Propagation}'s decision, and the header, or the
 * refusal. Nothing here logs a credential.
 * <p>
 * Not an {@code AsyncInvocationInterceptorFactory} itself: RESTEasy (Open Liberty) registers an object that is both a
 * filter and a factory as a factory only, and its filter never runs. {@link AsyncCapture} is the factory, added by
 * {@link PropagationListener}.
 */
public final class PropagationFilter {

    /** The request property through which MicroProfile REST Client implementations name the invoked method. */
    static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";

    private static final Logger LOG = Logger.getLogger(PropagationFilter.class.getName());

    private final ClientPolicy.Resolver policies;
    private final Propagation propagation;
    private final IdentityCapture capture;

    /**
     * For the provider: the application's configuration and beans.
     *
     * @param config the application's configuration
     * @return the filter
     * @throws IllegalArgumentException naming the key, when the configuration is invalid
     */
    public static PropagationFilter of(Config config) {
        PropagationConfig settings = PropagationConfig.load(config);
        return new PropagationFilter(new ClientPolicy.Resolver(config), settings, new CdiCurrentRequest(), Clock.systemUTC());
    }

    PropagationFilter(ClientPolicy.Resolver policies, PropagationConfig settings, CurrentRequest request, Clock clock) {
        this.policies = policies;
        this.propagation = new Propagation(settings.allowList(), clock);
        this.capture = new IdentityCapture(request, settings.renewBefore(), clock);
    }

    /**
     * Adds the caller's identity to the request when the decision says so.
     *
     * @param request the outgoing request, after every other request filter
     * @throws io.github.orysession.OrySessionException when the call must not be made
     */
    public void filter(ClientRequestContext request) {
        // Taken first, whatever the decision: an asynchronous call's capture never stays on this thread.
        CapturedIdentity brought = AsyncCaptures.take();
        ClientPolicy policy = policies.of(request.getProperty(INVOKED_METHOD) instanceof Method method ? method : null);
        URI target = request.getUri();
        Propagation.Outcome outcome = propagation.decide(target, policy,
                () -> brought != null ? brought : capture.capture(policy.mode()));
        if (outcome instanceof Propagation.Send send) {
            request.getHeaders().putSingle(send.header(), send.value());
        } else if (outcome instanceof Propagation.Refuse refuse) {
            LOG.fine(() -> "Ory identity propagation refused a call of " + describe(policy) + ": " + refuse.failure().reason());
            throw refuse.failure();
        } else if (outcome instanceof Propagation.Skip skip && LOG.isLoggable(Level.FINE)) {
            LOG.fine("Ory identity propagation sends nothing with a call of " + describe(policy) + ": " + skip.why());
        }
    }

    private static String describe(ClientPolicy policy) {
        return policy.configKey() == null ? "a JAX-RS client" : "REST client " + policy.configKey();
    }
}
