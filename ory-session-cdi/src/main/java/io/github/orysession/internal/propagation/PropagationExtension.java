package io.github.orysession.internal.propagation;

import java.util.Locale;
import java.util.logging.Logger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.github.orysession.browser.AllowedReturnUrl;
import io.github.orysession.internal.config.ConfigValues;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.config.PropagationConfig;

/**
 * Checks the {@code ory.propagation.*} keys when the application deploys: an invalid value fails the deployment
 * naming the key. Then says where the caller's identity may go, and warns about what would make propagation
 * ineffective or unsafe: JWT mode without {@code ory.session.tokenize-as}, a downstream over plain {@code http} to
 * another host, and the MicroProfile REST Client's header propagation of credentials.
 */
public class PropagationExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(PropagationExtension.class.getName());
    /** MicroProfile REST Client's incoming headers copied to every outgoing call (with {@code @RegisterClientHeaders}). */
    static final String PROPAGATE_HEADERS = "org.eclipse.microprofile.rest.client.propagateHeaders";

    void validate(@Observes AfterDeploymentValidation event) {
        Config config = ConfigProvider.getConfig();
        PropagationConfig propagation;
        try {
            propagation = PropagationConfig.load(config);
        } catch (IllegalArgumentException e) {
            event.addDeploymentProblem(new DeploymentException("Ory session configuration: " + e.getMessage(), e));
            return;
        }
        config.getOptionalValue(PROPAGATE_HEADERS, String.class).ifPresent(PropagationExtension::warnAboutPropagatedHeaders);
        if (propagation.allowedUrls().isEmpty()) {
            return;
        }
        LOG.info(() -> "Ory identity propagation may send the caller's identity to " + propagation.allowedUrls() + " from "
                + (propagation.allClients() ? "every REST client" : "REST clients that register OryIdentityPropagation"));
        if (config.getOptionalValue(OryConfig.TOKENIZE_AS, String.class).filter(s -> !s.isBlank()).isEmpty()) {
            LOG.warning(() -> PropagationConfig.ALLOWED_URLS + " is set but " + OryConfig.TOKENIZE_AS + " is not: REST "
                    + "clients in the jwt mode (the default) have no Kratos-signed JWT to send, and send nothing");
        }
        for (AllowedReturnUrl url : propagation.allowedUrls()) {
            if ("http".equals(url.scheme()) && !ConfigValues.isLoopback(url.host())) {
                LOG.warning(() -> "The caller's identity is sent over plain http to " + url + " ("
                        + PropagationConfig.ALLOWED_URLS + "): use https unless the network between them is trusted");
            }
        }
    }

    private static void warnAboutPropagatedHeaders(String headers) {
        for (String header : headers.split(",")) {
            String name = header.trim().toLowerCase(Locale.ROOT);
            if (name.equals("cookie") || name.equals("authorization") || name.equals("x-session-token")) {
                LOG.warning(() -> PROPAGATE_HEADERS + " copies the incoming " + header.trim() + " header to outgoing REST "
                        + "client calls, to any host: a caller's session cookie or token then leaves this service "
                        + "regardless of " + PropagationConfig.ALLOWED_URLS + "; use OryIdentityPropagation instead");
            }
        }
    }
}
