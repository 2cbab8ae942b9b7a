package io.github.orysession.internal.propagation;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.github.orysession.internal.config.PropagationConfig;
import io.github.orysession.propagation.PropagateIdentity;
import io.github.orysession.propagation.PropagationMode;

/**
 * What one REST client method's calls carry, and whether they must carry it.
 *
 * @param configKey the REST client's config key ({@code @RegisterRestClient(configKey)}, or the interface's name),
 *        or {@code null} for a call that is not a MicroProfile REST client method
 * @param mode what a call carries
 * @param required whether a call without the caller's identity is refused
 */
record ClientPolicy(String configKey, PropagationMode mode, boolean required) {

    /** A call that is not a MicroProfile REST client method (a plain JAX-RS client): the defaults. */
    static final ClientPolicy DEFAULT = new ClientPolicy(null, PropagationMode.JWT, false);

    /**
     * The policies of a REST client's methods, each worked out once: configuration
     * ({@code ory.propagation.client.<configKey>.mode|required}) wins over the method's {@link PropagateIdentity},
     * which wins over the interface's, which wins over the defaults ({@code jwt}, not required).
     */
    static final class Resolver {

        private final Config config;
        private final Map<Method, ClientPolicy> policies = new ConcurrentHashMap<>();

        /**
         * @param config the application's configuration, for the per-client keys
         */
        Resolver(Config config) {
            this.config = config;
        }

        /**
         * @param method the REST client method being called, or {@code null} when the call is not one
         * @return its policy
         * @throws IllegalArgumentException naming the key, when a per-client key has an invalid value
         */
        ClientPolicy of(Method method) {
            return method == null ? DEFAULT : policies.computeIfAbsent(method, this::resolve);
        }

        private ClientPolicy resolve(Method method) {
            Class<?> client = method.getDeclaringClass();
            PropagateIdentity annotation = method.getAnnotation(PropagateIdentity.class);
            if (annotation == null) {
                annotation = client.getAnnotation(PropagateIdentity.class);
            }
            String configKey = configKey(client);
            PropagationMode mode = PropagationConfig.clientMode(config, configKey)
                    .orElse(annotation == null ? PropagationMode.JWT : annotation.mode());
            boolean required = PropagationConfig.clientRequired(config, configKey)
                    .orElse(annotation != null && annotation.required());
            return new ClientPolicy(configKey, mode, required);
        }

        private static String configKey(Class<?> client) {
            RegisterRestClient registration = client.getAnnotation(RegisterRestClient.class);
            return registration != null && !registration.configKey().isBlank() ? registration.configKey() : client.getName();
        }
    }
}
