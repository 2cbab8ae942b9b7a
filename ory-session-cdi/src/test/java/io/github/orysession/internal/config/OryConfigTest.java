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

/** {@code ory.kratos.url} is checked by the same rules as the admin URL: the one URL validator of the library. */
class OryConfigTest {

    @Test
    void theKratosUrlLosesItsTrailingSlash() {
        assertThat(OryConfig.load(config(Map.of(OryConfig.KRATOS_URL, " https://slug.projects.oryapis.com/ "))).kratosUrl())
                .isEqualTo(URI.create("https://slug.projects.oryapis.com"));
    }

    @Test
    void aKratosUrlWithUserInfoIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> OryConfig.load(config(Map.of(OryConfig.KRATOS_URL, "https://user:s3cret@kratos.example"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(OryConfig.KRATOS_URL)
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void badKratosUrlsNameTheKey() {
        for (String url : new String[] {"/kratos", "ftp://kratos", "http://kratos:4433?x=1", "http://kratos#f", "http://%zz",
                "mailto:a@b"}) {
            assertThatThrownBy(() -> OryConfig.load(config(Map.of(OryConfig.KRATOS_URL, url)))).as(url)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(OryConfig.KRATOS_URL);
        }
        assertThatThrownBy(() -> OryConfig.load(config(Map.of()))).hasMessageStartingWith(OryConfig.KRATOS_URL + " is not set");
    }

    @Test
    void numbersArePositiveWholeNumbersUpToIntMax() {
        for (String value : new String[] {"0", "-1", "1.5", "x", "2147483648"}) {
            Map<String, String> keys = new HashMap<>(Map.of(OryConfig.KRATOS_URL, "http://127.0.0.1:4433"));
            keys.put(OryConfig.READ_TIMEOUT, value);
            assertThatThrownBy(() -> OryConfig.load(config(keys))).as(value)
                    .hasMessage(OryConfig.READ_TIMEOUT + " must be a positive whole number, got " + value);
        }
    }

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }
}
