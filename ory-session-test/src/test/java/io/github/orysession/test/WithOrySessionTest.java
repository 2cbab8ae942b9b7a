package io.github.orysession.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.github.orysession.AssuranceLevelRequiredException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.OrySession;
import io.github.orysession.ReauthenticationRequiredException;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.model.IdentityMappingException;

/** {@link WithOrySession} on methods and classes, every state, through the library's own beans and interceptor. */
@EnableWeld
@WithOrySession(email = "class@example.com")
class WithOrySessionTest {

    @WeldSetup
    WeldInitiator weld = OryWeld.of(Greeter.class);

    @Inject
    Greeter greeter;

    @Inject
    OrySession session;

    @Test
    void theClassesSessionHoldsWhenTheMethodSaysNothing() {
        assertThat(greeter.hello()).isEqualTo("Hello, class@example.com");
        assertThat(session.assuranceLevel()).isEqualTo(AuthenticatorAssuranceLevel.AAL1);
    }

    @Test
    @WithOrySession(email = "ada@example.com", identityId = "id-ada", traits = "{\"name\":\"Ada\"}", roles = {"admin", "ops"})
    void theMethodsSessionWinsWithItsTraitsAndRoles() {
        assertThat(greeter.hello()).isEqualTo("Hello, ada@example.com");
        assertThat(greeter.name()).as("typed traits").isEqualTo("Ada");
        assertThat(greeter.roles()).containsExactlyInAnyOrder("admin", "ops");
        assertThat(session.identityId()).isEqualTo("id-ada");
        assertThat(TestKratos.whoamiCalls()).as("one request, one whoami").isEqualTo(1);
    }

    @Test
    @WithOrySession(state = SessionState.ANONYMOUS)
    void anAnonymousRequestIsRefusedWithoutAskingKratos() {
        assertThat(greeter.open()).isEqualTo("stranger");
        assertThatThrownBy(greeter::hello).isInstanceOf(UnauthenticatedException.class)
                .satisfies(e -> assertThat(((UnauthenticatedException) e).reason()).isEqualTo("no_credentials"));
        assertThat(TestKratos.whoamiCalls()).isZero();
    }

    @Test
    @WithOrySession(state = SessionState.EXPIRED)
    void anExpiredSessionIsRefused() {
        assertThatThrownBy(greeter::hello).isInstanceOf(UnauthenticatedException.class)
                .satisfies(e -> assertThat(((UnauthenticatedException) e).reason()).isEqualTo("inactive_session"));
    }

    @Test
    @WithOrySession(state = SessionState.REVOKED)
    void aRevokedSessionIsRefused() {
        assertThatThrownBy(greeter::hello).isInstanceOf(UnauthenticatedException.class)
                .satisfies(e -> assertThat(((UnauthenticatedException) e).reason()).isEqualTo("invalid_session"));
    }

    @Test
    @WithOrySession(state = SessionState.KRATOS_UNAVAILABLE)
    void kratosUnavailableIsA503NeverAnonymous() {
        assertThatThrownBy(greeter::open).as("not even an open method passes as anonymous")
                .isInstanceOf(KratosUnavailableException.class);
        assertThatThrownBy(greeter::hello).isInstanceOf(KratosUnavailableException.class)
                .satisfies(e -> assertThat(((KratosUnavailableException) e).status()).isEqualTo(503));
    }

    @Test
    void aal1IsNotEnoughForAal2() {
        assertThatThrownBy(greeter::secret).isInstanceOf(AssuranceLevelRequiredException.class);
    }

    @Test
    @WithOrySession(aal = AuthenticatorAssuranceLevel.AAL2, identityId = "id-strong")
    void aal2Is() {
        assertThat(greeter.secret()).isEqualTo("secret for id-strong");
    }

    @Test
    @WithOrySession(signedInSecondsAgo = 3600)
    void anOldSignInIsAskedToSignInAgain() {
        assertThatThrownBy(greeter::recent).isInstanceOf(ReauthenticationRequiredException.class);
        assertThat(greeter.hello()).as("any session will do elsewhere").startsWith("Hello");
    }

    @Test
    @WithOrySession(traits = "{\"name\":[\"not\",\"a\",\"string\"]}")
    void traitsThatDoNotFitTheTypeNameTheMember() {
        assertThatThrownBy(greeter::name).isInstanceOf(IdentityMappingException.class).hasMessageContaining("traits.name");
    }

    @Test
    @WithOrySession(roles = "auditor")
    void theSecurityContextOfTheSession() {
        TestSecurityContext security = TestSecurityContext.current();

        assertThat(security.getUserPrincipal().getName()).isEqualTo(session.identityId());
        assertThat(security.isUserInRole("auditor")).isTrue();
        assertThat(security.isUserInRole("admin")).isFalse();
        assertThat(security.getAuthenticationScheme()).isEqualTo("Ory-Session");
    }

    @Nested
    @EnableWeld
    class WhenNestedClassesSayNothing {

        @WeldSetup
        WeldInitiator nested = OryWeld.of(Greeter.class);

        @Inject
        Greeter nestedGreeter;

        @Test
        void theEnclosingClassesSessionHolds() {
            assertThat(nestedGreeter.hello()).isEqualTo("Hello, class@example.com");
        }
    }
}
