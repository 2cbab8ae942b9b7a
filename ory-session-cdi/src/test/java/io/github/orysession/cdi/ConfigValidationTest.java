package io.github.orysession.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.config.OryConfig;

class ConfigValidationTest {

    private final String original = System.getProperty(OryConfig.KRATOS_URL);

    @AfterEach
    void restore() {
        System.setProperty(OryConfig.KRATOS_URL, original);
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

    private void boot() {
        try (var container = new Weld().disableDiscovery().addExtension(new OrySessionExtension())
                .addBeanClasses(FakeLookup.class).initialize()) {
            container.isRunning();
        }
    }
}
