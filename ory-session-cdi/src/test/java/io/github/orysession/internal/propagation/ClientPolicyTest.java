package io.github.orysession.internal.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.Test;

import io.github.orysession.propagation.PropagateIdentity;
import io.github.orysession.propagation.PropagationMode;

/** Which mode and requirement a REST client method's calls get: configuration, method, interface, defaults. */
class ClientPolicyTest {

    @RegisterRestClient(configKey = "orders")
    @PropagateIdentity(mode = PropagationMode.SESSION_TOKEN)
    interface Orders {
        String list();

        @PropagateIdentity(required = true)
        String mine();
    }

    interface Plain {
        String call();
    }

    @Test
    void withoutAnnotationOrConfigurationTheJwtIsSentWhenThereIsOne() throws Exception {
        ClientPolicy policy = resolver(Map.of()).of(method(Plain.class, "call"));

        assertThat(policy).isEqualTo(new ClientPolicy(Plain.class.getName(), PropagationMode.JWT, false));
    }

    @Test
    void theMethodsAnnotationWinsOverTheInterfaces() throws Exception {
        ClientPolicy.Resolver resolver = resolver(Map.of());

        assertThat(resolver.of(method(Orders.class, "list")))
                .isEqualTo(new ClientPolicy("orders", PropagationMode.SESSION_TOKEN, false));
        assertThat(resolver.of(method(Orders.class, "mine"))).as("the whole method annotation, its default mode included")
                .isEqualTo(new ClientPolicy("orders", PropagationMode.JWT, true));
    }

    @Test
    void configurationByConfigKeyWinsOverTheAnnotations() throws Exception {
        ClientPolicy.Resolver resolver = resolver(Map.of("ory.propagation.client.orders.mode", "jwt",
                "ory.propagation.client.orders.required", "false",
                "ory.propagation.client." + Plain.class.getName() + ".required", "true"));

        assertThat(resolver.of(method(Orders.class, "mine"))).isEqualTo(new ClientPolicy("orders", PropagationMode.JWT, false));
        assertThat(resolver.of(method(Plain.class, "call"))).as("the interface's name without a configKey")
                .isEqualTo(new ClientPolicy(Plain.class.getName(), PropagationMode.JWT, true));
    }

    @Test
    void aCallThatIsNoRestClientMethodGetsTheDefaults() {
        assertThat(resolver(Map.of()).of(null)).isEqualTo(ClientPolicy.DEFAULT);
    }

    @Test
    void anInvalidValueNamesItsKey() throws Exception {
        ClientPolicy.Resolver resolver = resolver(Map.of("ory.propagation.client.orders.mode", "bearer"));

        assertThatThrownBy(() -> resolver.of(method(Orders.class, "list")))
                .hasMessageStartingWith("ory.propagation.client.orders.mode");
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name);
    }

    private static ClientPolicy.Resolver resolver(Map<String, String> values) {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
        return new ClientPolicy.Resolver(config);
    }
}
