package io.github.orysession.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import io.github.orysession.AssuranceLevelRequiredException;
import io.github.orysession.OrySession;
import io.github.orysession.ReauthenticationRequiredException;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

/**
 * {@code @Authenticated(aal = AAL2)} and {@code @Authenticated(maxAgeSeconds = ...)} on CDI beans: the interceptor
 * reads the attributes (method over class), and a session that falls short is asked about once more, bypassing a
 * cache, before the step-up is demanded.
 */
@EnableWeld
class StepUpCdiTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addExtension(new OrySessionExtension())
                    .addBeanClasses(SteppingLookup.class, RequestRunner.class, StepUpServices.Payments.class,
                            StepUpServices.Vault.class))
            .build();

    @Inject
    SteppingLookup kratos;
    @Inject
    RequestRunner runner;
    @Inject
    StepUpServices.Payments payments;
    @Inject
    StepUpServices.Vault vault;
    @Inject
    OrySession session;

    @Test
    void anAal1SessionOnAnAal2MethodIsAskedAgainOnceThenRefused() {
        kratos.both("aal1", SteppingLookup.session("aal1", Instant.now()));

        assertThatThrownBy(() -> runner.inRequest(Credentials.ofToken("aal1"), payments::pay))
                .isInstanceOf(AssuranceLevelRequiredException.class)
                .satisfies(e -> {
                    AssuranceLevelRequiredException step = (AssuranceLevelRequiredException) e;
                    assertThat(step.reason()).isEqualTo("session_aal2_required");
                    assertThat(step.required()).isEqualTo(AuthenticatorAssuranceLevel.AAL2);
                    assertThat(step.kratosError()).as("the library's own requirement, not Kratos's").isEmpty();
                });
        assertThat(kratos.whoamiCalls()).as("whoami calls").isEqualTo(1);
        assertThat(kratos.revalidateCalls()).as("one revalidation before refusing").isEqualTo(1);
    }

    @Test
    void aSessionThatSteppedUpSinceItWasCachedIsLetThrough() {
        kratos.cached("token", SteppingLookup.session("aal1", Instant.now()));
        kratos.now("token", SteppingLookup.session("aal2", Instant.now()));

        String result = runner.inRequest(Credentials.ofToken("token"), () -> payments.pay() + " / " + session.assuranceLevel());

        assertThat(result).as("the fresh aal2 session runs the method and is the request's session from then on")
                .isEqualTo("paid by aal2 session session-aal2 / AAL2");
        assertThat(kratos.revalidateCalls()).as("revalidations").isEqualTo(1);
    }

    @Test
    void aSessionThatMeetsTheRequirementCostsNoRevalidation() {
        kratos.both("aal2", SteppingLookup.session("aal2", Instant.now()));

        runner.inRequest(Credentials.ofToken("aal2"), () -> payments.pay() + payments.balance() + payments.changeEmail());

        assertThat(kratos.whoamiCalls()).as("one whoami for the whole request").isEqualTo(1);
        assertThat(kratos.revalidateCalls()).as("no revalidation on the success path").isEqualTo(0);
    }

    @Test
    void anOldAuthenticationMustBeRefreshed() {
        kratos.both("old", SteppingLookup.session("aal1", Instant.now().minusSeconds(120)));
        kratos.both("fresh", SteppingLookup.session("aal1", Instant.now().minusSeconds(5)));

        assertThatThrownBy(() -> runner.inRequest(Credentials.ofToken("old"), payments::changeEmail))
                .isInstanceOf(ReauthenticationRequiredException.class)
                .satisfies(e -> assertThat(((ReauthenticationRequiredException) e).reason()).isEqualTo("session_refresh_required"));
        assertThat(runner.inRequest(Credentials.ofToken("fresh"), payments::changeEmail)).as("within 60 s").isEqualTo("changed");
    }

    @Test
    void kratossOwnAal2RefusalIsAStepUpCarryingKratossError() {
        kratos.both("strict", SteppingLookup.kratosRequiresAal2());

        assertThatThrownBy(() -> runner.inRequest(Credentials.ofToken("strict"), payments::balance))
                .isInstanceOf(AssuranceLevelRequiredException.class)
                .satisfies(e -> assertThat(((AssuranceLevelRequiredException) e).kratosError())
                        .as("Kratos's error kept").hasValueSatisfying(error ->
                                assertThat(error.redirectBrowserTo()).contains("aal=aal2")));
        assertThat(kratos.revalidateCalls()).as("asked again once: a cache may hold the refusal").isEqualTo(1);
        runner.inRequest(Credentials.ofToken("strict"), () -> {
            assertThat(session.isAuthenticated()).as("no usable session for optional readers").isFalse();
            return null;
        });
    }

    @Test
    void severalGuardedCallsInOneRequestRevalidateOnlyOnce() {
        kratos.both("aal1", SteppingLookup.session("aal1", Instant.now()));

        runner.inRequest(Credentials.ofToken("aal1"), () -> {
            assertThatThrownBy(payments::pay).isInstanceOf(AssuranceLevelRequiredException.class);
            assertThatThrownBy(payments::pay).isInstanceOf(AssuranceLevelRequiredException.class);
            assertThatThrownBy(vault::open).isInstanceOf(AssuranceLevelRequiredException.class);
            return payments.balance();
        });

        assertThat(kratos.whoamiCalls()).as("whoami calls").isEqualTo(1);
        assertThat(kratos.revalidateCalls()).as("revalidations in one request").isEqualTo(1);
    }

    @Test
    void theMethodsAnnotationWinsOverTheClasssOnAnInterceptedBean() {
        kratos.both("aal1", SteppingLookup.session("aal1", Instant.now()));

        assertThat(runner.inRequest(Credentials.ofToken("aal1"), vault::peek)).as("method level: any session").isEqualTo("peek");
        assertThatThrownBy(() -> runner.inRequest(Credentials.ofToken("aal1"), vault::open)).as("class level: AAL2")
                .isInstanceOf(AssuranceLevelRequiredException.class);
    }

    @Test
    void noSessionIsStillUnauthenticatedNotAStepUp() {
        assertThatThrownBy(() -> runner.inRequest(Credentials.none(), payments::pay))
                .isInstanceOf(UnauthenticatedException.class);
        assertThat(kratos.revalidateCalls()).as("nothing to revalidate without credentials").isEqualTo(0);
    }

    @Test
    void invalidAttributesFailTheDeploymentNamingTheMethod() {
        assertThatThrownBy(() -> {
            try (var container = new Weld().disableDiscovery().addExtension(new OrySessionExtension())
                    .addBeanClasses(SteppingLookup.class, StepUpServices.Misconfigured.class).initialize()) {
                container.isRunning();
            }
        }).hasStackTraceContaining("maxAgeSeconds = 0").hasStackTraceContaining("Misconfigured.never()");
    }
}
