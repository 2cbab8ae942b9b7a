package io.github.orysession.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.KratosUnavailableException;
import io.github.orysession.RefusalReason;
import io.github.orysession.UnauthenticatedException;

/** {@link TestKratos} set by hand, with the extension registered to reset it after each test. */
@EnableWeld
@ExtendWith(WithOrySessionExtension.class)
class TestKratosTest {

    @WeldSetup
    WeldInitiator weld = OryWeld.of(Greeter.class);

    @Inject
    Greeter greeter;

    @Test
    void withoutAnAnswerTheRequestIsAnonymous() {
        assertThat(greeter.open()).isEqualTo("stranger");
    }

    @Test
    void aBuiltSession() {
        TestKratos.answer(TestSessions.session().email("bob@example.com").roles("admin"));

        assertThat(greeter.hello()).isEqualTo("Hello, bob@example.com");
        assertThat(greeter.roles()).containsExactly("admin");
    }

    @Test
    void aSessionThatExpiredIsRefusedAsKratosWould() {
        TestKratos.answer(TestSessions.session().expired());

        assertThatThrownBy(greeter::hello).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void anUnusableCredentialIsRefusedWithoutAskingKratos() {
        TestKratos.refuse(RefusalReason.CREDENTIAL_TOO_LARGE);

        assertThatThrownBy(greeter::hello).isInstanceOf(UnauthenticatedException.class)
                .satisfies(e -> assertThat(((UnauthenticatedException) e).reason()).isEqualTo("credential_too_large"));
        assertThat(TestKratos.whoamiCalls()).isZero();
    }

    @Test
    void anOutage() {
        TestKratos.unavailable();

        assertThatThrownBy(greeter::hello).isInstanceOf(KratosUnavailableException.class);
    }

    @Test
    void aStaleSignIn() {
        TestKratos.answer(TestSessions.session().signedInAgo(Duration.ofHours(1)));

        assertThat(greeter.hello()).startsWith("Hello");
        assertThatThrownBy(greeter::recent).isInstanceOf(io.github.orysession.ReauthenticationRequiredException.class);
    }
}
