package io.github.orysession.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.github.orysession.propagation.PropagationMode;

class PropagationConfigTest {

    @Test
    void byDefaultNothingIsAllowedAndOnlyClientsThatAskPropagate() {
        PropagationConfig config = PropagationConfig.load(config(Map.of()));

        assertThat(config.allowedUrls()).as("no downstream by default").isEmpty();
        assertThat(config.allowList().isEnabled()).isFalse();
        assertThat(config.allClients()).isFalse();
        assertThat(config.renewBefore()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void everyKeyIsRead() {
        PropagationConfig config = PropagationConfig.load(config(Map.of(
                PropagationConfig.ALLOWED_URLS, " https://orders.internal.example.com/api , http://127.0.0.1:*/downstream,",
                PropagationConfig.ALL_CLIENTS, "TRUE",
                PropagationConfig.RENEW_BEFORE, "30000",
                "ory.propagation.client.orders.mode", "session-token",
                "ory.propagation.client.com.example.Billing.required", "true")));

        assertThat(config.allowedUrls()).map(Object::toString)
                .containsExactly("https://orders.internal.example.com/api", "http://127.0.0.1:*/downstream");
        assertThat(config.allClients()).isTrue();
        assertThat(config.renewBefore()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void perClientKeysAreReadByConfigKey() {
        Config source = config(Map.of("ory.propagation.client.orders.mode", " Session-Token ",
                "ory.propagation.client.com.example.Billing.required", "true"));

        assertThat(PropagationConfig.clientMode(source, "orders")).contains(PropagationMode.SESSION_TOKEN);
        assertThat(PropagationConfig.clientMode(source, "billing")).isEmpty();
        assertThat(PropagationConfig.clientRequired(source, "com.example.Billing")).contains(true);
        assertThat(PropagationConfig.clientRequired(source, "orders")).isEmpty();
    }

    @Test
    void invalidValuesFailNamingTheKey() {
        assertThatThrownBy(() -> PropagationConfig.load(config(Map.of(PropagationConfig.ALLOWED_URLS,
                "https://orders.example.com,https://user@evil.example"))))
                .hasMessageStartingWith(PropagationConfig.ALLOWED_URLS);
        assertThatThrownBy(() -> PropagationConfig.load(config(Map.of(PropagationConfig.ALLOWED_URLS, "ftp://files.example.com"))))
                .hasMessageStartingWith(PropagationConfig.ALLOWED_URLS).hasMessageContaining("http or https");
        assertThatThrownBy(() -> PropagationConfig.load(config(Map.of(PropagationConfig.ALLOWED_URLS, "https://*.com"))))
                .hasMessageStartingWith(PropagationConfig.ALLOWED_URLS);
        assertThatThrownBy(() -> PropagationConfig.load(config(Map.of(PropagationConfig.ALL_CLIENTS, "yes"))))
                .hasMessage(PropagationConfig.ALL_CLIENTS + " must be true or false, got yes");
        assertThatThrownBy(() -> PropagationConfig.load(config(Map.of(PropagationConfig.RENEW_BEFORE, "0"))))
                .hasMessageStartingWith(PropagationConfig.RENEW_BEFORE);
        assertThatThrownBy(() -> PropagationConfig.load(config(Map.of("ory.propagation.client.orders.mode", "cookie"))))
                .hasMessage("ory.propagation.client.orders.mode must be jwt or session-token, got cookie");
        assertThatThrownBy(() -> PropagationConfig.load(config(Map.of("ory.propagation.client.orders.required", "maybe"))))
                .hasMessageStartingWith("ory.propagation.client.orders.required must be true or false");
        assertThatThrownBy(() -> PropagationConfig.load(config(Map.of("ory.propagation.client.orders.mdoe", "jwt"))))
                .as("a misspelt key is not silently ignored").hasMessageStartingWith("ory.propagation.client.orders.mdoe is not");
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }
}
