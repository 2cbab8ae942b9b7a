package io.github.orysession.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.browser.LoginRedirects;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.internal.config.BrowserConfig;

/** The {@code ory.browser.*} keys are checked when the application deploys, and produce the allow-list beans. */
class BrowserConfigValidationTest {

    @AfterEach
    void restore() {
        System.clearProperty(BrowserConfig.ALLOWED_RETURN_URLS);
        System.clearProperty(BrowserConfig.DEFAULT_RETURN_URL);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    @Test
    void anInvalidAllowListEntryFailsTheDeploymentNamingTheKey() {
        set(BrowserConfig.ALLOWED_RETURN_URLS, "https://*.com");

        assertThatThrownBy(this::boot).as("deployment with a top-level wildcard")
                .hasStackTraceContaining("ory.browser.allowed-return-urls");
    }

    @Test
    void aDefaultOutsideTheAllowListFailsTheDeployment() {
        set(BrowserConfig.ALLOWED_RETURN_URLS, "https://app.example.com/app");
        set(BrowserConfig.DEFAULT_RETURN_URL, "https://evil.example/");

        assertThatThrownBy(this::boot).as("deployment with a default that is not allowed")
                .hasStackTraceContaining("ory.browser.default-return-url");
    }

    @Test
    void theAllowListIsABean() {
        set(BrowserConfig.ALLOWED_RETURN_URLS, "https://app.example.com/app");
        set(BrowserConfig.DEFAULT_RETURN_URL, "https://app.example.com/app/");

        try (var container = weld().initialize()) {
            ReturnToPolicy policy = container.select(ReturnToPolicy.class).get();
            LoginRedirects redirects = container.select(LoginRedirects.class).get();

            assertThat(policy.returnTo("https://evil.example/", null)).as("the configured default")
                    .contains(URI.create("https://app.example.com/app/"));
            assertThat(redirects.policy().allowed()).as("the redirects use the same allow-list").isEqualTo(policy.allowed());
        }
    }

    private static void set(String key, String value) {
        System.setProperty(key, value);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    private void boot() {
        try (var container = weld().initialize()) {
            container.isRunning();
        }
    }

    private static Weld weld() {
        return new Weld().disableDiscovery().addExtension(new OrySessionExtension()).addBeanClasses(FakeLookup.class);
    }
}
