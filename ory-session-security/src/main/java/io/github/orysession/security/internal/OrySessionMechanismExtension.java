package io.github.orysession.security.internal;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;

import org.eclipse.microprofile.config.ConfigProvider;

import io.github.orysession.internal.jwt.JwtMapping;
import io.github.orysession.security.OrySessionMechanismDefinition;

/**
 * Adds the {@link OrySessionAuthenticationMechanism} when, and only when, a bean of the application carries
 * {@link OrySessionMechanismDefinition}, and checks at deployment what could only fail later:
 * <ul>
 * <li>the definition on more than one class, or an invalid {@code @UrlRequirement}, fails the deployment naming the
 * class and the value;</li>
 * <li>Jakarta Security 3.0 gives an application one {@code HttpAuthenticationMechanism}. Another one beside this one
 * fails the deployment with a message that names it, with one exception: the mechanism the server's own
 * MicroProfile JWT adds for an application that declares {@code @LoginConfig(authMethod = "MP-JWT")} (Payara adds it
 * as a CDI bean; Open Liberty's MP-JWT is no such bean). This mechanism, an alternative, is then the one the server
 * calls, and it hands every request that carries {@code Authorization: Bearer <JWT>} to the server's, which verifies
 * the JWT; Ory sessions come as cookies or {@code X-Session-Token} (or a bearer token that is not a JWT).</li>
 * </ul>
 * Registered through {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}; the jar has no
 * {@code beans.xml}, so without the definition it adds nothing at all.
 */
public class OrySessionMechanismExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(OrySessionMechanismExtension.class.getName());
    /** Read by name: the MicroProfile JWT API is not on every server (Open Liberty only with its mpJwt feature). */
    private static final String LOGIN_CONFIG = "org.eclipse.microprofile.auth.LoginConfig";

    private final List<Class<?>> definitions = new ArrayList<>();
    /** The bean that declares {@code @LoginConfig(authMethod = "MP-JWT")}, if any. */
    private Class<?> mpJwtDeclaredOn;
    private final List<String> problems = new ArrayList<>();
    private UrlRequirements requirements = UrlRequirements.NONE;
    private volatile Supplier<HttpAuthenticationMechanism> serverJwt;

    /** Finds the definition and reads its requirements once. */
    <T> void findDefinition(@Observes @WithAnnotations(OrySessionMechanismDefinition.class) ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        OrySessionMechanismDefinition definition = type.getAnnotation(OrySessionMechanismDefinition.class);
        if (definition == null) {
            return;
        }
        definitions.add(type.getJavaClass());
        try {
            requirements = UrlRequirements.of(definition, type.getJavaClass());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    /**
     * Notes a bean that declares {@code @LoginConfig(authMethod = "MP-JWT")} (Payara installs its MP-JWT only for such a
     * bean). Every managed bean passes here once; the annotation is compared by name.
     */
    <T> void findMpJwt(@Observes ProcessManagedBean<T> event) {
        for (Annotation annotation : event.getAnnotatedBeanClass().getAnnotations()) {
            if (annotation.annotationType().getName().equals(LOGIN_CONFIG) && "MP-JWT".equals(authMethod(annotation))) {
                mpJwtDeclaredOn = event.getAnnotatedBeanClass().getJavaClass();
            }
        }
    }

    /** Adds the mechanism as a bean, so that it goes through bean discovery like the application's own. */
    void addMechanism(@Observes AfterTypeDiscovery event, BeanManager beanManager) {
        if (!definitions.isEmpty()) {
            event.addAnnotatedType(beanManager.createAnnotatedType(OrySessionAuthenticationMechanism.class),
                    OrySessionMechanismExtension.class.getName() + ".mechanism");
            // The application's enabled alternatives are settled by now: a type added here is enabled only through
            // this list (its @Priority alone is not read any more), last = highest priority.
            if (!event.getAlternatives().contains(OrySessionAuthenticationMechanism.class)) {
                event.getAlternatives().add(OrySessionAuthenticationMechanism.class);
            }
        }
    }

    void reportDefinitionProblems(@Observes AfterBeanDiscovery event) {
        if (definitions.size() > 1) {
            problems.add("@OrySessionMechanismDefinition must be on one class of the application, found on "
                    + definitions.stream().map(Class::getName).sorted().toList());
        }
        problems.forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
        problems.clear();
    }

    void checkMechanisms(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        if (definitions.isEmpty()) {
            return;
        }
        String definedOn = definitions.get(0).getName();
        try {
            JwtMapping.load(ConfigProvider.getConfig());
        } catch (IllegalArgumentException e) {
            event.addDeploymentProblem(new DeploymentException("Ory session configuration: " + e.getMessage(), e));
            return;
        }
        Set<Bean<?>> mechanisms = beanManager.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE);
        if (mechanisms.stream().noneMatch(bean -> bean.getBeanClass() == OrySessionAuthenticationMechanism.class)) {
            event.addDeploymentProblem(new DeploymentException("@OrySessionMechanismDefinition on " + definedOn
                    + ": the Ory session mechanism did not become a bean (mechanisms found: " + describe(mechanisms) + ")"));
            return;
        }
        Set<Bean<?>> others = mechanisms.stream()
                .filter(bean -> bean.getBeanClass() != OrySessionAuthenticationMechanism.class)
                .collect(Collectors.toSet());
        if (others.isEmpty()) {
            LOG.info(() -> "Jakarta Security authenticates every request from its Ory session (@OrySessionMechanismDefinition on "
                    + definedOn + (requirements.isEmpty() ? ")" : ", requirements " + requirements + ")"));
            return;
        }
        if (others.size() == 1 && mpJwtDeclaredOn != null) {
            Bean<?> server = others.iterator().next();
            serverJwt = new Memo(beanManager, server);
            LOG.info(() -> "Jakarta Security authenticates every request from its Ory session (@OrySessionMechanismDefinition on "
                    + definedOn + "), and hands requests with a bearer JWT to the server's MicroProfile JWT mechanism "
                    + server.getBeanClass().getName() + " (@LoginConfig(authMethod = \"MP-JWT\") on " + mpJwtDeclaredOn.getName() + ")");
            return;
        }
        event.addDeploymentProblem(new DeploymentException("Jakarta Security allows one HttpAuthenticationMechanism per "
                + "application: @OrySessionMechanismDefinition on " + definedOn + " cannot be used together with "
                + describe(others)
                + ". Remove the other mechanism (or its definition annotation), or the Ory session one"));
    }

    private static List<String> describe(Set<Bean<?>> beans) {
        return beans.stream().map(bean -> bean.getBeanClass().getName()).sorted().toList();
    }

    /** What the definition asks of chosen URLs. */
    UrlRequirements requirements() {
        return requirements;
    }

    /** The server's MicroProfile JWT mechanism, when the application uses it and the server made it a bean. */
    Optional<Supplier<HttpAuthenticationMechanism>> serverJwtMechanism() {
        return Optional.ofNullable(serverJwt);
    }

    private static String authMethod(Annotation loginConfig) {
        try {
            return String.valueOf(loginConfig.annotationType().getMethod("authMethod").invoke(loginConfig));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The server's mechanism, looked up on first use. */
    private static final class Memo implements Supplier<HttpAuthenticationMechanism> {
        private final BeanManager beanManager;
        private final Bean<?> bean;
        private volatile HttpAuthenticationMechanism mechanism;

        Memo(BeanManager beanManager, Bean<?> bean) {
            this.beanManager = beanManager;
            this.bean = bean;
        }

        @Override
        public HttpAuthenticationMechanism get() {
            HttpAuthenticationMechanism result = mechanism;
            if (result == null) {
                result = (HttpAuthenticationMechanism) beanManager.getReference(bean, HttpAuthenticationMechanism.class,
                        beanManager.createCreationalContext(bean));
                mechanism = result;
            }
            return result;
        }
    }
}
