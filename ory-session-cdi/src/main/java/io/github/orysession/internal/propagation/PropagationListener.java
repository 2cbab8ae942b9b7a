package io.github.orysession.internal.propagation;

import java.util.Optional;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

import io.github.orysession.internal.config.PropagationConfig;
import io.github.orysession.propagation.OryIdentityPropagation;

/**
 * Called by the MicroProfile REST Client implementation for every REST client the application builds (the
 * {@link RestClientListener} SPI, {@code META-INF/services}):
 * <ul>
 * <li>with {@value PropagationConfig#ALL_CLIENTS}{@code =true}, registers {@link OryIdentityPropagation} on it, after
 * every other request filter;</li>
 * <li>on every client that has the provider (by {@code @RegisterProvider}, {@code RestClientBuilder.register} before
 * {@code build}, {@code <client>/mp-rest/providers}, or the key above), registers {@link AsyncCapture}, so that its
 * asynchronous calls carry the identity of the moment they were made.</li>
 * </ul>
 * The library's own clients of Kratos are left alone. Invalid keys fail the deployment ({@link PropagationExtension});
 * here they only mean that nothing is added.
 */
public final class PropagationListener implements RestClientListener {

    private static final Logger LOG = Logger.getLogger(PropagationListener.class.getName());
    /** The package of the library's own REST clients of Kratos, which never carry a caller's identity elsewhere. */
    private static final String KRATOS_CLIENTS = "io.github.orysession.internal.client.";
    private static final String PROVIDERS = "/mp-rest/providers";

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        if (serviceInterface.getName().startsWith(KRATOS_CLIENTS)) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        PropagationConfig settings;
        try {
            settings = PropagationConfig.load(config);
        } catch (IllegalArgumentException invalid) {
            return;
        }
        boolean registered = registersItself(serviceInterface, builder, config);
        if (!registered && settings.allClients()) {
            builder.register(OryIdentityPropagation.class, Integer.MAX_VALUE);
            registered = true;
            LOG.fine(() -> "Ory identity propagation added to REST client " + serviceInterface.getName());
        }
        if (registered) {
            builder.register(AsyncCapture.of(config));
        }
    }

    private static boolean registersItself(Class<?> serviceInterface, RestClientBuilder builder, Config config) {
        for (RegisterProvider provider : serviceInterface.getAnnotationsByType(RegisterProvider.class)) {
            if (provider.value() == OryIdentityPropagation.class) {
                return true;
            }
        }
        if (builder.getConfiguration().isRegistered(OryIdentityPropagation.class)) {
            return true;
        }
        RegisterRestClient registration = serviceInterface.getAnnotation(RegisterRestClient.class);
        Optional<String> byConfigKey = registration == null || registration.configKey().isBlank() ? Optional.empty()
                : config.getOptionalValue(registration.configKey() + PROVIDERS, String.class);
        return byConfigKey.or(() -> config.getOptionalValue(serviceInterface.getName() + PROVIDERS, String.class))
                .filter(providers -> providers.contains(OryIdentityPropagation.class.getName())).isPresent();
    }
}
