package io.github.orysession.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.internal.cache.SessionCache;
import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.config.CacheConfig;
import io.github.orysession.internal.config.OryConfig;

class ConfigValidationTest {

    private final String original = System.getProperty(OryConfig.KRATOS_URL);

    @AfterEach
    void restore() {
        System.setProperty(OryConfig.KRATOS_URL, original);
        System.clearProperty(CacheConfig.TTL);
        System.clearProperty(CacheConfig.BACKEND);
        System.clearProperty(CacheConfig.REJECTION_TTL);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    @Test
    void aMissingKratosUrlFailsTheDeploymentNamingTheKey() {
        System.clearProperty(OryConfig.KRATOS_URL);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());

        assertThatThrownBy(this::boot)
                .hasStackTraceContaining("ory.kratos.url is not set");
    }

    @Test
    void aRelativeKratosUrlFailsTheDeployment() {
        System.setProperty(OryConfig.KRATOS_URL, "/kratos");
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());

        assertThatThrownBy(this::boot)
                .hasStackTraceContaining("ory.kratos.url must be an absolute http or https URL");
    }

    @Test
    void aBadCacheTtlFailsTheDeploymentNamingTheKey() {
        System.setProperty(CacheConfig.TTL, "-5");
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());

        assertThatThrownBy(this::boot).hasStackTraceContaining("ory.session.cache.ttl-ms must be a positive whole number");
    }

    @Test
    void anUnknownCacheBackendFailsTheDeploymentNamingTheKey() {
        System.setProperty(CacheConfig.BACKEND, "redis");
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());

        assertThatThrownBy(this::boot).hasStackTraceContaining("ory.session.cache.backend must be local or jcache, got redis");
    }

    @Test
    void aRejectionMemoryLongerThanAMinuteFailsTheDeploymentNamingTheKey() {
        System.setProperty(CacheConfig.REJECTION_TTL, "3600000");
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());

        assertThatThrownBy(this::boot)
                .hasStackTraceContaining("ory.session.cache.rejection-ttl-ms must be a whole number from 0 to 60000, got 3600000");
    }

    @Test
    void theSessionLookupIsTheCacheInFrontOfKratos() {
        try (var container = new Weld().disableDiscovery().addExtension(new OrySessionExtension())
                .addBeanClasses(RequestRunner.class).initialize()) {
            assertThat(container.select(SessionLookup.class).get()).as("the SessionLookup bean")
                    .isInstanceOf(SessionCache.class);
        }
    }

    private void boot() {
        try (var container = new Weld().disableDiscovery().addExtension(new OrySessionExtension())
                .addBeanClasses(FakeLookup.class).initialize()) {
            container.isRunning();
        }
    }
}
