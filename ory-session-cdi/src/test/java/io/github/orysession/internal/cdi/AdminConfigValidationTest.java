package io.github.orysession.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.internal.config.AdminConfig;
import io.github.orysession.manage.MySessions;
import io.github.orysession.manage.SessionAdmin;

/** The admin keys are checked when the application deploys, like every other key. */
class AdminConfigValidationTest {

    @AfterEach
    void restore() {
        System.clearProperty(AdminConfig.ADMIN_URL);
        System.clearProperty(AdminConfig.ADMIN_API_KEY);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    @Test
    void anInvalidAdminUrlFailsTheDeploymentNamingTheKey() {
        set(AdminConfig.ADMIN_URL, "kratos-admin:4434");

        assertThatThrownBy(this::boot).hasStackTraceContaining("ory.kratos.admin-url must be an absolute http or https URL");
    }

    @Test
    void anInvalidApiKeyFailsTheDeploymentWithoutShowingIt() {
        set(AdminConfig.ADMIN_URL, "https://slug.projects.oryapis.com");
        set(AdminConfig.ADMIN_API_KEY, "ory_pat_with a-space");

        assertThatThrownBy(this::boot).hasStackTraceContaining("ory.kratos.admin-api-key must be printable ASCII")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("ory_pat_with"));
    }

    @Test
    void withoutAdminKeysTheManagementBeansStillDeploy() {
        try (var container = new Weld().disableDiscovery().addExtension(new OrySessionExtension())
                .addBeanClasses(FakeLookup.class).initialize()) {
            assertThat(container.select(SessionAdmin.class).isResolvable()).isTrue();
            assertThat(container.select(MySessions.class).isResolvable()).isTrue();
        }
    }

    private static void set(String key, String value) {
        System.setProperty(key, value);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    private void boot() {
        try (var container = new Weld().disableDiscovery().addExtension(new OrySessionExtension())
                .addBeanClasses(FakeLookup.class).initialize()) {
            container.isRunning();
        }
    }
}
