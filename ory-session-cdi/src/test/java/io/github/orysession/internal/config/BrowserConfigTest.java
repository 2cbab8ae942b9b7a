package io.github.orysession.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class BrowserConfigTest {

    private static final URI KRATOS = URI.create("https://auth.example.com");

    @Test
    void theLoginDefaultsToKratossBrowserLoginAndNothingIsAllowed() {
        BrowserConfig browser = BrowserConfig.load(config(Map.of()), KRATOS);

        assertThat(browser.loginUrl()).as("default login URL")
                .isEqualTo(URI.create("https://auth.example.com/self-service/login/browser"));
        assertThat(browser.allowedReturnUrls()).as("no allow-list by default").isEmpty();
        assertThat(browser.defaultReturnUrlIfAny()).as("no default return URL by default").isEmpty();
    }

    @Test
    void theDefaultLoginUrlIsDerivedFromOryKratosUrl() {
        BrowserConfig browser = BrowserConfig.load(config(Map.of(OryConfig.KRATOS_URL, "https://slug.projects.oryapis.com/")));

        assertThat(browser.loginUrl()).as("from ory.kratos.url, its trailing slash dropped")
                .isEqualTo(URI.create("https://slug.projects.oryapis.com/self-service/login/browser"));
    }

    @Test
    void everyKeyIsRead() {
        BrowserConfig browser = BrowserConfig.load(config(Map.of(
                BrowserConfig.LOGIN_URL, "https://slug.projects.oryapis.com/ui/login",
                BrowserConfig.ALLOWED_RETURN_URLS, " https://app.example.com/app , https://*.example.org,",
                BrowserConfig.DEFAULT_RETURN_URL, "https://app.example.com/app/")), KRATOS);

        assertThat(browser.loginUrl()).isEqualTo(URI.create("https://slug.projects.oryapis.com/ui/login"));
        assertThat(browser.allowedReturnUrls()).as("entries, trimmed, empty ones skipped")
                .map(Object::toString).containsExactly("https://app.example.com/app", "https://*.example.org");
        assertThat(browser.defaultReturnUrlIfAny()).contains(URI.create("https://app.example.com/app/"));
    }

    @Test
    void anInvalidEntryFailsNamingTheKey() {
        assertThatThrownBy(() -> BrowserConfig.load(config(Map.of(BrowserConfig.ALLOWED_RETURN_URLS,
                "https://app.example.com,https://*.com")), KRATOS))
                .hasMessageStartingWith(BrowserConfig.ALLOWED_RETURN_URLS).hasMessageContaining("*.com");
    }

    @Test
    void aDefaultThatIsNotAllowedFails() {
        assertThatThrownBy(() -> BrowserConfig.load(config(Map.of(
                BrowserConfig.ALLOWED_RETURN_URLS, "https://app.example.com/app",
                BrowserConfig.DEFAULT_RETURN_URL, "https://app.example.com/")), KRATOS))
                .hasMessageStartingWith(BrowserConfig.DEFAULT_RETURN_URL).hasMessageContaining("must be allowed");
    }

    @Test
    void aDefaultWithoutAnAllowListFails() {
        assertThatThrownBy(() -> BrowserConfig.load(config(Map.of(
                BrowserConfig.DEFAULT_RETURN_URL, "https://app.example.com/")), KRATOS))
                .hasMessageContaining("which is not set");
    }

    @Test
    void aRelativeOrStrangeLoginUrlFails() {
        for (String bad : new String[] {"/self-service/login/browser", "ftp://auth.example.com/login",
                "https://user@auth.example.com/login", "https://auth.example.com/login#x", "https://auth example.com"}) {
            assertThatThrownBy(() -> BrowserConfig.load(config(Map.of(BrowserConfig.LOGIN_URL, bad)), KRATOS))
                    .as("login URL %s", bad).hasMessageStartingWith(BrowserConfig.LOGIN_URL);
        }
    }

    @Test
    void aRelativeDefaultFails() {
        assertThatThrownBy(() -> BrowserConfig.load(config(Map.of(
                BrowserConfig.ALLOWED_RETURN_URLS, "https://app.example.com",
                BrowserConfig.DEFAULT_RETURN_URL, "/home")), KRATOS))
                .as("the default must not depend on the request").hasMessageStartingWith(BrowserConfig.DEFAULT_RETURN_URL);
    }

    private static Config config(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent(OryConfig.KRATOS_URL, KRATOS.toString());
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(all, "test", 500)).build();
    }
}
