package io.github.orysession.cdi;

import java.util.logging.Logger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import io.github.orysession.OrySession;
import io.github.orysession.client.KratosSessionClient;
import io.github.orysession.config.OryConfig;

/**
 * Adds the library's beans and checks its configuration when the application deploys.
 * <p>
 * Registered through {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}; the jar has no
 * {@code beans.xml}, so its beans exist only because this extension adds them. A missing or invalid
 * {@code ory.*} key, or a server without a MicroProfile REST Client implementation, fails the deployment
 * with a message that names the problem, rather than the first request.
 */
public class OrySessionExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(OrySessionExtension.class.getName());

    void addBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : new Class<?>[] {OrySession.class, RequestCredentials.class, SessionResolver.class,
                AuthenticatedInterceptor.class, KratosSessionClient.class, OryConfigProducer.class}) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), OrySessionExtension.class.getName() + "." + type.getSimpleName());
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        OryConfig config;
        try {
            config = OryConfig.load(ConfigProvider.getConfig());
        } catch (IllegalArgumentException e) {
            event.addDeploymentProblem(new DeploymentException("Ory session configuration: " + e.getMessage(), e));
            return;
        }
        try {
            RestClientBuilder.newBuilder();
        } catch (RuntimeException | LinkageError e) {
            event.addDeploymentProblem(new DeploymentException(
                    "Ory session needs a MicroProfile REST Client implementation on the server", e));
            return;
        }
        LOG.info(() -> "Ory sessions are checked against " + config.kratosUrl());
    }
}
