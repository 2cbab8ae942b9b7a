package io.github.orysession.internal.cdi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.WithAnnotations;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import io.github.orysession.Authenticated;
import io.github.orysession.OrySession;
import io.github.orysession.SessionAugmentor;
import io.github.orysession.SessionRequirement;
import io.github.orysession.internal.cache.SessionCache;
import io.github.orysession.internal.client.AugmentingLookup;
import io.github.orysession.internal.client.KratosSessionClient;
import io.github.orysession.internal.config.AdminConfig;
import io.github.orysession.internal.config.BrowserConfig;
import io.github.orysession.internal.config.CacheConfig;
import io.github.orysession.internal.config.ConfigValues;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.health.KratosReadinessCheck;
import io.github.orysession.internal.manage.KratosAdminClient;
import io.github.orysession.internal.manage.KratosFrontendClient;
import io.github.orysession.internal.metrics.MicroProfileMetricsBridge;
import io.github.orysession.internal.metrics.SessionMetrics;
import io.github.orysession.manage.MySessions;
import io.github.orysession.manage.SessionAdmin;
import io.github.orysession.internal.metrics.OpenTelemetryMetricsBridge;

/**
 * Adds the library's beans and checks its configuration when the application deploys.
 * <p>
 * Registered through {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}; the jar has no
 * {@code beans.xml}, so its beans exist only because this extension adds them. A missing or invalid
 * {@code ory.*} key, an {@code @Authenticated} with invalid attributes, or a server without a MicroProfile REST
 * Client implementation, fails the deployment with a message that names the problem, rather than the first request.
 */
public class OrySessionExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(OrySessionExtension.class.getName());

    private static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";
    private static final String METRICS_API = "org.eclipse.microprofile.metrics.MetricRegistry";
    private static final String OPENTELEMETRY_API = "io.opentelemetry.api.OpenTelemetry";
    private static final String JCACHE_API = "javax.cache.Caching";

    private final List<String> invalidRequirements = new ArrayList<>();
    private final List<Bean<?>> augmentorBeans = new ArrayList<>();
    private volatile Bean<?> augmentor;

    void addBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : new Class<?>[] {OrySession.class, RequestCredentials.class, SessionResolver.class,
                AuthenticatedInterceptor.class, KratosSessionClient.class, OryConfigProducer.class, SessionMetrics.class,
                SessionCache.class, MySessions.class, SessionAdmin.class, KratosFrontendClient.class,
                KratosAdminClient.class}) {
            add(event, beanManager, type);
        }
        for (Class<?> type : new Class<?>[] {SessionEvents.class, AugmentingLookup.class}) {
            add(event, beanManager, type);
        }
        // Optional MicroProfile APIs: referenced only when the server has them, so servers without them deploy.
        if (isPresent(HEALTH_API)) {
            add(event, beanManager, KratosReadinessCheck.class);
        }
        if (isPresent(METRICS_API)) {
            add(event, beanManager, MicroProfileMetricsBridge.class);
        } else if (isPresent(OPENTELEMETRY_API)) {
            // MicroProfile 7 servers: Telemetry (OpenTelemetry) instead of Metrics; never both, never counted twice.
            add(event, beanManager, OpenTelemetryMetricsBridge.class);
        }
    }

    private static void add(BeforeBeanDiscovery event, BeanManager beanManager, Class<?> type) {
        event.addAnnotatedType(beanManager.createAnnotatedType(type), OrySessionExtension.class.getName() + "." + type.getSimpleName());
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, OrySessionExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Reads every {@code @Authenticated} of the bean types once, so that invalid attributes fail the deployment. */
    <T> void checkRequirements(@Observes @WithAnnotations(Authenticated.class) ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        check(type.getJavaClass(), null);
        for (AnnotatedMethod<? super T> method : type.getMethods()) {
            if (method.isAnnotationPresent(Authenticated.class)) {
                check(null, method.getJavaMember());
            }
        }
    }

    private void check(Class<?> type, Method method) {
        try {
            SessionRequirement.forMethod(type, method);
        } catch (IllegalArgumentException e) {
            invalidRequirements.add(e.getMessage());
        }
    }

    void reportRequirements(@Observes AfterBeanDiscovery event) {
        invalidRequirements.forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
        invalidRequirements.clear();
    }

    /**
     * Notes the application's {@link SessionAugmentor} beans as the container finds them. Looked up here rather than
     * injected: the library's beans are added by this extension, and some servers (Payara) do not make the
     * application's beans visible to them by typesafe resolution.
     */
    <T> void findAugmentors(@Observes ProcessBean<T> event) {
        if (event.getBean().getTypes().contains(SessionAugmentor.class)) {
            augmentorBeans.add(event.getBean());
        }
    }

    /** At most one {@link SessionAugmentor}: which of two would add the roles is not for the library to guess. */
    void checkAugmentor(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        if (augmentorBeans.size() <= 1) {
            augmentor = augmentorBeans.isEmpty() ? null : augmentorBeans.get(0);
            return;
        }
        try {
            augmentor = beanManager.resolve(new java.util.HashSet<>(augmentorBeans));
        } catch (AmbiguousResolutionException e) {
            event.addDeploymentProblem(new DeploymentException("More than one SessionAugmentor bean: "
                    + augmentorBeans.stream().map(bean -> bean.getBeanClass().getName()).sorted().toList()
                    + "; the library calls one, so combine them in one bean"));
        }
    }

    /**
     * @return the application's session augmentor bean, when it has one
     */
    public Optional<Bean<?>> augmentor() {
        return Optional.ofNullable(augmentor);
    }

    void validate(@Observes AfterDeploymentValidation event) {
        OryConfig config;
        CacheConfig cache;
        BrowserConfig browser;
        AdminConfig admin;
        try {
            config = OryConfig.load(ConfigProvider.getConfig());
            cache = CacheConfig.load(ConfigProvider.getConfig(), config);
            browser = BrowserConfig.load(ConfigProvider.getConfig(), config.kratosUrl());
            admin = AdminConfig.load(ConfigProvider.getConfig());
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
        if (cache.enabled() && cache.backend() == CacheConfig.Backend.JCACHE && !isPresent(JCACHE_API)) {
            event.addDeploymentProblem(new DeploymentException("Ory session configuration: " + CacheConfig.BACKEND
                    + "=jcache needs the JCache (JSR-107) API and a provider on the server"));
            return;
        }
        LOG.info(() -> "Ory sessions are checked against " + config.kratosUrl() + (cache.enabled()
                ? ", cached up to " + cache.ttl().toMillis() + " ms (" + (cache.backend() == CacheConfig.Backend.JCACHE
                        ? "jcache " + cache.jcacheName() : "local") + ")"
                : ", not cached"));
        LOG.info(() -> "Browsers sign in at " + browser.loginUrl() + (browser.allowedReturnUrls().isEmpty()
                ? " without return_to (" + BrowserConfig.ALLOWED_RETURN_URLS + " is not set)"
                : " with return_to allowed for " + browser.allowedReturnUrls()
                        + browser.defaultReturnUrlIfAny().map(d -> ", default " + d).orElse(", no default")));
        admin.adminUrlIfAny().ifPresent(url -> LOG.info(() -> "Ory session administration uses the Kratos admin API at "
                + url + (admin.hasApiKey() ? " with an API key" : " without an API key")));
        if (admin.hasApiKey() && "http".equals(admin.requireAdminUrl().getScheme())
                && !ConfigValues.isLoopback(admin.requireAdminUrl().getHost())) {
            LOG.warning(() -> AdminConfig.ADMIN_API_KEY + " is sent over plain http to " + admin.requireAdminUrl()
                    + ": use https");
        }
        if ("http".equals(config.kratosUrl().getScheme()) && !ConfigValues.isLoopback(config.kratosUrl().getHost())) {
            LOG.warning(() -> "Session tokens and cookies are sent to Kratos over plain http at " + config.kratosUrl()
                    + " (" + OryConfig.KRATOS_URL + "): use https unless the network between them is trusted");
        }
    }
}
