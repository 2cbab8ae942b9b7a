package io.github.orysession.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.Augmentation;
import io.github.orysession.OrySession;
import io.github.orysession.SessionAugmentationException;
import io.github.orysession.SessionAugmentor;
import io.github.orysession.internal.client.AugmentingLookup;
import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.jwt.JwtExtension;
import io.github.orysession.model.Session;

/** The application's augmentor, as a CDI bean: its roles and attributes reach OrySession and the JWT mapper. */
class SessionAugmentorCdiTest {

    /** Kratos as {@link FakeLookup} answers, with the grants worked out as the library's cache fill does. */
    @Alternative
    @Priority(2)
    @ApplicationScoped
    public static class GrantingLookup implements SessionLookup {
        @Inject
        FakeLookup kratos;
        @Inject
        AugmentingLookup augmenting;

        @Override
        public WhoamiResult whoami(Credentials credentials) {
            return augmenting.grant(kratos.whoami(credentials));
        }
    }

    public record Tenant(String tenant, int seats) {
    }

    /** The application's data: alice edits for acme. */
    @ApplicationScoped
    public static class TeamRoles implements SessionAugmentor {
        @Override
        public Augmentation augment(Session session) {
            return "alice".equals(session.identity().id())
                    ? Augmentation.roles("editor").withAttribute("tenant", "acme").withAttribute("seats", 5)
                    : Augmentation.NONE;
        }
    }

    /** Breaks the rule: asks for the session it is being given. */
    @ApplicationScoped
    public static class Curious implements SessionAugmentor {
        @Inject
        OrySession session;

        @Override
        public Augmentation augment(Session given) {
            return Augmentation.roles(session.identityId());
        }
    }

    @RequestScoped
    public static class GroupsReader {
        @Inject
        @Claim(standard = Claims.groups)
        Set<String> groups;

        Set<String> groups() {
            return groups;
        }
    }

    @AfterEach
    void reset() {
        System.clearProperty(OryConfig.JWT_ENABLED);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    private static WeldContainer boot(boolean jwt, Class<?>... beans) {
        System.setProperty(OryConfig.JWT_ENABLED, String.valueOf(jwt));
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
        return new Weld().disableDiscovery().addExtension(new OrySessionExtension()).addExtension(new JwtExtension())
                .addBeanClasses(FakeLookup.class, GrantingLookup.class, RequestRunner.class).addBeanClasses(beans)
                .initialize();
    }

    @Test
    void theAugmentorsRolesAndAttributesAreTheSessions() {
        try (WeldContainer container = boot(true, TeamRoles.class, GroupsReader.class)) {
            FakeLookup kratos = container.select(FakeLookup.class).get();
            kratos.add("token-alice", "alice");
            kratos.add("token-bob", "bob");
            OrySession session = container.select(OrySession.class).get();
            RequestRunner runner = container.select(RequestRunner.class).get();

            List<Object> alice = runner.inRequest(Credentials.ofToken("token-alice"), () -> List.of(session.roles(),
                    session.hasRole("editor"), session.attributesAs(Tenant.class),
                    CDI.current().select(GroupsReader.class).get().groups()));
            Set<String> bob = runner.inRequest(Credentials.ofToken("token-bob"), session::roles);

            assertThat(alice).containsExactly(Set.of("editor"), true, new Tenant("acme", 5), Set.of("editor"));
            assertThat(bob).isEmpty();
        }
    }

    @Test
    void anAugmentorThatUsesOrySessionFailsClosedInsteadOfWaitingForItself() {
        try (WeldContainer container = boot(false, Curious.class)) {
            container.select(FakeLookup.class).get().add("token-alice", "alice");
            OrySession session = container.select(OrySession.class).get();

            assertThatThrownBy(() -> container.select(RequestRunner.class).get()
                    .inRequest(Credentials.ofToken("token-alice"), session::identityId))
                    .isInstanceOf(SessionAugmentationException.class)
                    .hasMessageContaining("IllegalStateException")
                    .hasRootCauseMessage("The request's session is being resolved: a SessionAugmentor is given the"
                            + " session and must not use OrySession");
        }
    }

    @Test
    void twoAugmentorsFailTheDeployment() {
        assertThatThrownBy(() -> boot(false, TeamRoles.class, Curious.class).close())
                .hasStackTraceContaining("More than one SessionAugmentor bean")
                .hasStackTraceContaining("TeamRoles")
                .hasStackTraceContaining("Curious");
    }
}
