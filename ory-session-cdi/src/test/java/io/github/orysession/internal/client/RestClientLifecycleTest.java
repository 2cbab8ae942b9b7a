package io.github.orysession.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import jakarta.enterprise.context.Dependent;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.proxy.WeldClientProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.internal.cdi.OrySessionExtension;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.manage.KratosStub;

/**
 * The whoami client's REST client is closed when the application stops, as the session-management clients' are:
 * the container calls its {@code @PreDestroy}, and the closed client refuses further calls.
 */
class RestClientLifecycleTest {

    private final String original = System.getProperty(OryConfig.KRATOS_URL);
    private KratosStub stub;

    @AfterEach
    void restore() {
        System.setProperty(OryConfig.KRATOS_URL, original);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void theWhoamiClientsRestClientIsClosedWhenTheApplicationStops() throws IOException {
        stub = KratosStub.answering(401, "{}");
        System.setProperty(OryConfig.KRATOS_URL, stub.url().toString());
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
        KratosSessionClient instance;
        try (WeldContainer container = new Weld().disableDiscovery().addExtension(new OrySessionExtension())
                .addBeanClasses(AnyBean.class).initialize()) {
            KratosSessionClient bean = container.select(KratosSessionClient.class).get();
            assertThat(bean.whoami(Credentials.ofToken("tok")).rejection()).as("the REST client works while deployed")
                    .isNotNull();
            instance = (KratosSessionClient) ((WeldClientProxy) bean).getMetadata().getContextualInstance();
        }

        assertThatThrownBy(instance::probe) // the readiness probe: it uses no other bean
                .as("the REST client after the application stopped").hasMessageContaining("closed");
        assertThat(stub.requests()).as("nothing sent through the closed client").hasSize(1);
    }

    /** Weld SE needs one bean class of its own; the library's beans come from the extension. */
    @Dependent
    static class AnyBean {
    }
}
