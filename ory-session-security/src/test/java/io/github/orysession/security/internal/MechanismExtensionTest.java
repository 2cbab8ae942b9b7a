package io.github.orysession.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.auth.LoginConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.github.orysession.internal.cdi.OrySessionExtension;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.security.OrySessionMechanismDefinition;
import io.github.orysession.security.UrlRequirement;

/** The extension in a real CDI container (Weld): the mechanism exists exactly when the definition does, and misuse fails the deployment. */
class MechanismExtensionTest {

    @ApplicationScoped
    @OrySessionMechanismDefinition
    public static class Definition {
    }

    @ApplicationScoped
    @OrySessionMechanismDefinition
    public static class SecondDefinition {
    }

    @ApplicationScoped
    @OrySessionMechanismDefinition(requirements = @UrlRequirement(urlPatterns = "/a/*/b", aal = AuthenticatorAssuranceLevel.AAL2))
    public static class InvalidDefinition {
    }

    @ApplicationScoped
    public static class PlainBean {
    }

    /** An application's own mechanism, as a second one. */
    @ApplicationScoped
    public static class OwnMechanism implements HttpAuthenticationMechanism {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
            CALLS.incrementAndGet();
            return AuthenticationStatus.SUCCESS;
        }
    }

    /** What Payara's MP-JWT needs: the application says it uses MP-JWT. */
    @ApplicationScoped
    @LoginConfig(authMethod = "MP-JWT")
    public static class MpJwtApplication {
    }

    @Test
    void theMechanismIsTheApplicationsOnlyWithTheDefinition() {
        try (WeldContainer container = weld(Definition.class).initialize()) {
            BeanManager beans = container.getBeanManager();
            Bean<?> resolved = beans.resolve(beans.getBeans(HttpAuthenticationMechanism.class));
            assertThat(resolved).as("the mechanism bean").isNotNull();
            assertThat(resolved.getBeanClass()).isEqualTo(OrySessionAuthenticationMechanism.class);
        }
        try (WeldContainer container = weld(PlainBean.class).initialize()) {
            assertThat(container.getBeanManager().getBeans(HttpAuthenticationMechanism.class))
                    .as("no definition, no mechanism: nothing changes for existing applications").isEmpty();
        }
    }

    @Test
    void twoDefinitionsFailTheDeploymentNamingBoth() {
        assertThatThrownBy(() -> weld(Definition.class, SecondDefinition.class).initialize().close())
                .hasMessageContaining("must be on one class of the application")
                .hasMessageContaining(Definition.class.getName()).hasMessageContaining(SecondDefinition.class.getName());
    }

    @Test
    void anInvalidRequirementFailsTheDeployment() {
        assertThatThrownBy(() -> weld(InvalidDefinition.class).initialize().close())
                .hasMessageContaining(InvalidDefinition.class.getName()).hasMessageContaining("/a/*/b");
    }

    @Test
    void anotherMechanismFailsTheDeploymentNamingIt() {
        assertThatThrownBy(() -> weld(Definition.class, OwnMechanism.class).initialize().close())
                .hasMessageContaining("one HttpAuthenticationMechanism per application")
                .hasMessageContaining(OwnMechanism.class.getName());
    }

    @Test
    void besideTheServersMpJwtMechanismOursIsResolvedAndHandsItBearerJwts() throws Exception {
        try (WeldContainer container = weld(Definition.class, OwnMechanism.class, MpJwtApplication.class).initialize()) {
            BeanManager beans = container.getBeanManager();
            Bean<?> resolved = beans.resolve(beans.getBeans(HttpAuthenticationMechanism.class));
            assertThat(resolved.getBeanClass()).as("no ambiguity: the alternative wins")
                    .isEqualTo(OrySessionAuthenticationMechanism.class);
            HttpAuthenticationMechanism mechanism = (HttpAuthenticationMechanism) beans.getReference(resolved,
                    HttpAuthenticationMechanism.class, beans.createCreationalContext(resolved));
            RequestContextController request = container.select(RequestContextController.class).get();
            request.activate();
            try {
                int before = OwnMechanism.CALLS.get();
                AuthenticationStatus status = mechanism.validateRequest(FakeHttp.Request.get("/api/token")
                                .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln").proxy(),
                        new FakeHttp.Response().proxy(), new FakeHttp.MessageContext().proxy());
                assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
                assertThat(OwnMechanism.CALLS.get() - before).as("the server's mechanism judged the JWT").isEqualTo(1);

                FakeHttp.MessageContext anonymous = new FakeHttp.MessageContext();
                mechanism.validateRequest(FakeHttp.Request.get("/").proxy(), new FakeHttp.Response().proxy(), anonymous.proxy());
                assertThat(anonymous.didNothing).as("no bearer JWT: the Ory session mechanism itself").isTrue();
                assertThat(OwnMechanism.CALLS.get() - before).isEqualTo(1);
            } finally {
                request.deactivate();
            }
        }
    }

    private static Weld weld(Class<?>... beans) {
        return new Weld().disableDiscovery().addExtension(new OrySessionExtension())
                .addExtension(new OrySessionMechanismExtension()).addBeanClasses(beans);
    }
}
