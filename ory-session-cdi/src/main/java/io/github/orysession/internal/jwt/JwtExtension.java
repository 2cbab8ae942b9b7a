package io.github.orysession.internal.jwt;

import java.util.logging.Logger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;

import org.eclipse.microprofile.config.ConfigProvider;

import io.github.orysession.internal.config.OryConfig;

/**
 * Adds the JSON Web Token mapper's beans, and only when {@value OryConfig#JWT_ENABLED} is {@code true}: with the
 * mapper off the library adds no {@code JsonWebToken} or {@code @Claim} bean at all, so it can never clash with the
 * server's MicroProfile JWT implementation. An invalid setting, or the mapper on a server without the
 * MicroProfile JWT API, fails the deployment naming the key; so does, with the mapper on, a plain {@code @Claim} value
 * injected into a bean that outlives the request (see {@link ClaimScopes}), naming the injection point.
 */
public class JwtExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(JwtExtension.class.getName());

    private JwtMapping mapping;
    private String problem;

    void addBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        try {
            mapping = JwtMapping.load(ConfigProvider.getConfig());
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
            return;
        }
        if (!mapping.enabled()) {
            return;
        }
        try {
            Class.forName("org.eclipse.microprofile.jwt.JsonWebToken", false, JwtExtension.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            problem = OryConfig.JWT_ENABLED + "=true needs the MicroProfile JWT API on the server";
            return;
        }
        for (Class<?> type : new Class<?>[] {SessionTokens.class, ServerVerifiedToken.class, CurrentToken.class,
                JsonWebTokenProducer.class, ClaimProducer.class}) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), JwtExtension.class.getName() + "." + type.getSimpleName());
        }
    }

    /** With the mapper on, a claim captured once by a long-lived bean fails the deployment, as MicroProfile JWT asks. */
    void checkClaimScopes(@Observes ProcessBean<?> event) {
        if (problem == null && mapping != null && mapping.enabled()) {
            ClaimScopes.problems(event.getBean()).forEach(message -> event.addDefinitionError(new DefinitionException(message)));
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        if (problem != null) {
            event.addDeploymentProblem(new DeploymentException("Ory session configuration: " + problem));
        } else if (mapping != null && mapping.enabled()) {
            LOG.info(() -> "Ory sessions are also exposed as MicroProfile JsonWebTokens, groups from " + mapping.groups().pointer());
        }
    }
}
