package io.github.orysession.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class AdminConfigTest {

    private static final String KEY = "ory_pat_secret-key-value";

    @Test
    void bothKeysAreOptional() {
        AdminConfig admin = AdminConfig.load(config(Map.of()));

        assertThat(admin.adminUrlIfAny()).isEmpty();
        assertThat(admin.hasApiKey()).isFalse();
        assertThat(admin.authorization()).isNull();
        assertThatThrownBy(admin::requireAdminUrl).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AdminConfig.ADMIN_URL);
    }

    @Test
    void theUrlLosesItsTrailingSlashAndTheKeyBecomesABearerToken() {
        AdminConfig admin = AdminConfig.load(config(Map.of(AdminConfig.ADMIN_URL, "https://slug.projects.oryapis.com/",
                AdminConfig.ADMIN_API_KEY, " " + KEY + " ")));

        assertThat(admin.requireAdminUrl()).isEqualTo(URI.create("https://slug.projects.oryapis.com"));
        assertThat(admin.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(admin.toString()).as("toString never shows the key").doesNotContain(KEY).contains("(set)");
    }

    @Test
    void badUrlsNameTheKey() {
        for (String url : new String[] {"/admin", "ftp://kratos", "http://user:pw@kratos:4434", "http://kratos:4434?x=1", "http://%zz"}) {
            assertThatThrownBy(() -> AdminConfig.load(config(Map.of(AdminConfig.ADMIN_URL, url)))).as(url)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(AdminConfig.ADMIN_URL);
        }
    }

    @Test
    void aBadKeyNamesTheKeyButNeverShowsTheValue() {
        for (String key : new String[] {"has space-" + KEY, "tab\t" + KEY, "é" + KEY, "x".repeat(4097)}) {
            assertThatThrownBy(() -> AdminConfig.load(config(Map.of(AdminConfig.ADMIN_URL, "http://127.0.0.1:4434",
                    AdminConfig.ADMIN_API_KEY, key))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(AdminConfig.ADMIN_API_KEY)
                    .hasMessageNotContaining(KEY).hasMessageNotContaining("xxxx");
        }
    }

    @Test
    void aKeyWithoutAUrlIsAMistake() {
        assertThatThrownBy(() -> AdminConfig.load(config(Map.of(AdminConfig.ADMIN_API_KEY, KEY))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(AdminConfig.ADMIN_URL).hasMessageNotContaining(KEY);
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }
}
