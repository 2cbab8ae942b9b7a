package io.github.orysession.internal.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.github.orysession.AssuranceLevelRequiredException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.RefusalReason;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.propagation.PropagationMode;

/** Taking the caller's identity on the request thread, and renewing a JWT close to its expiry. */
class IdentityCaptureTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final StubRequest request = new StubRequest();
    private final IdentityCapture capture = new IdentityCapture(request, MARGIN, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void outsideARequestThereIsNothingToTake() {
        request.active = false;
        request.session = () -> {
            throw new AssertionError("no session may be resolved outside a request");
        };

        assertThat(capture.capture(PropagationMode.JWT).kind()).isEqualTo(CapturedIdentity.Kind.OUTSIDE_REQUEST);
    }

    @Test
    void aSessionWithAFreshJwtIsTakenAsItIsWithTheRequestsToken() {
        String jwt = TestJwts.jwt("alice", NOW.plusSeconds(600));
        request.session = () -> TestJwts.session("alice", jwt);
        request.sessionToken = "ory_st_alice";

        CapturedIdentity captured = capture.capture(PropagationMode.JWT);

        assertThat(captured.kind()).isEqualTo(CapturedIdentity.Kind.SESSION);
        assertThat(captured.jwt()).contains(jwt);
        assertThat(captured.jwtExpiry()).contains(NOW.plusSeconds(600));
        assertThat(captured.sessionToken()).contains("ory_st_alice");
        assertThat(request.renewed).as("no renewal for a JWT far from its expiry").isZero();
        assertThat(captured.toString()).as("never shows a credential").doesNotContain(jwt).doesNotContain("ory_st_alice");
    }

    @Test
    void aJwtWithinTheMarginIsRenewedOnceWithKratos() {
        String old = TestJwts.jwt("alice", NOW.plus(MARGIN));
        String fresh = TestJwts.jwt("alice", NOW.plusSeconds(600));
        request.session = () -> TestJwts.session("alice", old);
        request.renewals.add(() -> TestJwts.session("alice", fresh));

        CapturedIdentity captured = capture.capture(PropagationMode.JWT);

        assertThat(request.renewed).as("renewals").isEqualTo(1);
        assertThat(captured.jwt()).as("the fresh JWT").contains(fresh);
        assertThat(captured.jwtExpiry()).contains(NOW.plusSeconds(600));
    }

    @Test
    void anAsynchronousCallsCaptureDoesNotKnowTheModeAndRenewsToo() {
        request.session = () -> TestJwts.session("alice", TestJwts.jwt("alice", NOW.minusSeconds(1)));
        request.renewals.add(() -> TestJwts.session("alice", TestJwts.jwt("alice", NOW.plusSeconds(600))));

        assertThat(capture.capture(null).jwtExpiry()).contains(NOW.plusSeconds(600));
        assertThat(request.renewed).isEqualTo(1);
    }

    @Test
    void sessionTokenModeNeverRenewsForTheJwtItDoesNotSend() {
        request.session = () -> TestJwts.session("alice", TestJwts.jwt("alice", NOW.minusSeconds(1)));
        request.sessionToken = "ory_st_alice";

        assertThat(capture.capture(PropagationMode.SESSION_TOKEN).sessionToken()).contains("ory_st_alice");
        assertThat(request.renewed).isZero();
    }

    @Test
    void aRenewalThatStillGivesAnExpiringJwtKeepsItsExpiryForTheDecision() {
        request.session = () -> TestJwts.session("alice", TestJwts.jwt("alice", NOW.plusSeconds(1)));
        request.renewals.add(() -> TestJwts.session("alice", TestJwts.jwt("alice", NOW.plusSeconds(2))));

        assertThat(capture.capture(PropagationMode.JWT).jwtExpiry()).as("sent while before exp, never after")
                .contains(NOW.plusSeconds(2));
        assertThat(request.renewed).isEqualTo(1);
    }

    @Test
    void aSessionRevokedByTheTimeOfTheRenewalIsNoSession() {
        request.session = () -> TestJwts.session("alice", TestJwts.jwt("alice", NOW));
        request.renewals.add(() -> {
            throw new UnauthenticatedException(RefusalReason.INVALID_SESSION);
        });

        assertThat(capture.capture(PropagationMode.JWT).kind()).isEqualTo(CapturedIdentity.Kind.NO_SESSION);
    }

    @Test
    void aJwtWithoutAReadableExpiryIsNotRenewedForever() {
        request.session = () -> TestJwts.session("alice", "not.a-jwt");

        CapturedIdentity captured = capture.capture(PropagationMode.JWT);

        assertThat(captured.jwtExpiry()).isEmpty();
        assertThat(request.renewed).isZero();
    }

    @Test
    void noSessionAndKratosFailuresAreTakenApart() {
        request.session = () -> {
            throw new UnauthenticatedException(RefusalReason.NO_CREDENTIALS);
        };
        assertThat(capture.capture(PropagationMode.JWT).kind()).isEqualTo(CapturedIdentity.Kind.NO_SESSION);

        request.session = () -> {
            throw new AssuranceLevelRequiredException(AuthenticatorAssuranceLevel.AAL2, null);
        };
        assertThat(capture.capture(PropagationMode.JWT).kind()).as("Kratos's session_aal2_required counts as none")
                .isEqualTo(CapturedIdentity.Kind.NO_SESSION);

        request.session = () -> {
            throw new KratosUnavailableException("down", null);
        };
        CapturedIdentity down = capture.capture(PropagationMode.JWT);
        assertThat(down.kind()).isEqualTo(CapturedIdentity.Kind.KRATOS_FAILURE);
        assertThat(down.failure()).isInstanceOf(KratosUnavailableException.class);
    }
}
