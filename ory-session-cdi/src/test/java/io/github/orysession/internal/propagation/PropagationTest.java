package io.github.orysession.internal.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.orysession.KratosUnavailableException;
import io.github.orysession.OrySessionException;
import io.github.orysession.RefusalReason;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.browser.AllowedReturnUrl;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.propagation.IdentityPropagationException;
import io.github.orysession.propagation.PropagationMode;

/** The provider's decisions, one by one: what a call carries, and when it is refused. */
class PropagationTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private static final String JWT = TestJwts.jwt("alice", NOW.plusSeconds(600));
    private static final ClientPolicy JWT_MODE = new ClientPolicy("downstream", PropagationMode.JWT, false);
    private static final ClientPolicy JWT_REQUIRED = new ClientPolicy("downstream", PropagationMode.JWT, true);
    private static final ClientPolicy TOKEN_MODE = new ClientPolicy("downstream", PropagationMode.SESSION_TOKEN, false);
    private static final ClientPolicy TOKEN_REQUIRED = new ClientPolicy("downstream", PropagationMode.SESSION_TOKEN, true);
    private static final URI ALLOWED = URI.create("https://orders.internal.example.com/api/orders?page=2");

    private final Propagation propagation = new Propagation(allowList("https://orders.internal.example.com/api",
            "http://127.0.0.1:*/downstream"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSessionsJwtGoesToAnAllowedDownstreamAsBearer() {
        Propagation.Outcome outcome = propagation.decide(ALLOWED, JWT_MODE, () -> session("ory_st_alice", JWT, NOW.plusSeconds(600)));

        assertThat(outcome).isEqualTo(new Propagation.Send("Authorization", "Bearer " + JWT));
        assertThat(outcome.toString()).as("the decision never shows the credential").doesNotContain(JWT);
    }

    @Test
    void sessionTokenModeSendsTheCallersTokenAndNotTheJwt() {
        Propagation.Outcome outcome = propagation.decide(ALLOWED, TOKEN_MODE, () -> session("ory_st_alice", JWT, NOW.plusSeconds(600)));

        assertThat(outcome).isEqualTo(new Propagation.Send("X-Session-Token", "ory_st_alice"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://evil.example/api/orders",                              // another host
        "https://orders.internal.example.com.evil.example/api/orders",  // a suffix of the host
        "http://orders.internal.example.com/api/orders",                // another scheme
        "https://orders.internal.example.com:8443/api/orders",          // another port
        "https://orders.internal.example.com/apiv2/orders",             // not the path prefix on a segment boundary
        "https://orders.internal.example.com/admin",                    // outside the path prefix
        "https://orders.internal.example.com/api/../admin",             // a dot segment out of it
        "https://orders.internal.example.com/api/..%2Fadmin",           // an encoded one
        "https://orders.internal.example.com@evil.example/api",         // user info: really evil.example
        "http://localhost:9080/downstream/api",                         // the loopback entry names 127.0.0.1, not localhost
        "http://127.0.0.1:9080/downstreamer",                           // ... nor another path
    })
    void aUrlTheAllowListDoesNotAdmitGetsNothingAndTheIdentityIsNotEvenLookedUp(String target) {
        Supplier<CapturedIdentity> mustNotBeCalled = () -> {
            throw new AssertionError("the identity was looked up for " + target);
        };

        assertThat(propagation.decide(URI.create(target), JWT_MODE, mustNotBeCalled))
                .as("a call to %s", target).isInstanceOf(Propagation.Skip.class);
        assertThat(propagation.decide(URI.create(target), TOKEN_MODE, mustNotBeCalled))
                .as("a call to %s in session-token mode", target).isInstanceOf(Propagation.Skip.class);
    }

    @Test
    void aLoopbackEntryWithAnyPortAdmitsTheDevelopmentServers() {
        assertThat(propagation.decide(URI.create("http://127.0.0.1:49480/downstream/api/caller"), JWT_MODE,
                () -> session(null, JWT, NOW.plusSeconds(600)))).isInstanceOf(Propagation.Send.class);
    }

    @Test
    void withoutAnAllowListNothingIsEverSent() {
        Propagation none = new Propagation(new ReturnToPolicy(List.of(), null), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(none.decide(ALLOWED, JWT_MODE, () -> session("t", JWT, NOW.plusSeconds(600))))
                .isInstanceOf(Propagation.Skip.class);
    }

    @Test
    void aRequiredIdentityToAUrlNotAllowedIsRefusedWithoutNamingTheHost() {
        Propagation.Outcome outcome = propagation.decide(URI.create("https://evil.example/api"), JWT_REQUIRED,
                () -> session("t", JWT, NOW.plusSeconds(600)));

        IdentityPropagationException refusal = refusal(outcome, IdentityPropagationException.class);
        assertThat(refusal.refusal()).isEqualTo(IdentityPropagationException.Reason.DOWNSTREAM_NOT_ALLOWED);
        assertThat(refusal.status()).isEqualTo(500);
        assertThat(refusal.reason()).isEqualTo("downstream_not_allowed");
        assertThat(refusal.getMessage()).as("the message may reach a client: no internal host names")
                .contains("ory.propagation.allowed-urls").doesNotContain("evil.example");
    }

    @Test
    void aCallerWithoutASessionMakesCallsThatCarryNothing() {
        UnauthenticatedException anonymous = new UnauthenticatedException(RefusalReason.NO_CREDENTIALS);

        assertThat(propagation.decide(ALLOWED, JWT_MODE, () -> CapturedIdentity.noSession(anonymous)))
                .isInstanceOf(Propagation.Skip.class);
        assertThat(refusal(propagation.decide(ALLOWED, JWT_REQUIRED, () -> CapturedIdentity.noSession(anonymous)),
                UnauthenticatedException.class)).as("a required identity: the caller's 401").isSameAs(anonymous);
    }

    @Test
    void aRevokedOrExpiredSessionIsNoSession() {
        UnauthenticatedException revoked = new UnauthenticatedException(RefusalReason.INVALID_SESSION);

        assertThat(refusal(propagation.decide(ALLOWED, TOKEN_REQUIRED, () -> CapturedIdentity.noSession(revoked)),
                UnauthenticatedException.class).reason()).isEqualTo("invalid_session");
    }

    @Test
    void kratosBeingDownFailsEvenACallThatDoesNotRequireTheIdentity() {
        KratosUnavailableException down = new KratosUnavailableException("Kratos is down", null);

        assertThat(refusal(propagation.decide(ALLOWED, JWT_MODE, () -> CapturedIdentity.kratosFailure(down)),
                KratosUnavailableException.class)).as("never taken for an anonymous caller").isSameAs(down);
    }

    @Test
    void outsideARequestNothingIsSentAndARequiredIdentityIsRefused() {
        assertThat(propagation.decide(ALLOWED, JWT_MODE, CapturedIdentity::outsideRequest)).isInstanceOf(Propagation.Skip.class);
        assertThat(refusal(propagation.decide(ALLOWED, JWT_REQUIRED, CapturedIdentity::outsideRequest),
                IdentityPropagationException.class).refusal()).isEqualTo(IdentityPropagationException.Reason.NO_REQUEST);
    }

    @Test
    void jwtModeWithoutATokenizedJwtSendsNothingAndSaysWhichKeyToSet() {
        assertThat(propagation.decide(ALLOWED, JWT_MODE, () -> session("ory_st_alice", null, null)))
                .as("the session token is never sent in the JWT's place").isInstanceOf(Propagation.Skip.class);
        IdentityPropagationException refusal = refusal(propagation.decide(ALLOWED, JWT_REQUIRED,
                () -> session("ory_st_alice", null, null)), IdentityPropagationException.class);
        assertThat(refusal.refusal()).isEqualTo(IdentityPropagationException.Reason.NO_TOKENIZED_JWT);
        assertThat(refusal.getMessage()).contains("ory.session.tokenize-as");
    }

    @Test
    void aJwtWithoutAReadableExpiryIsNeverSent() {
        assertThat(propagation.decide(ALLOWED, JWT_MODE, () -> session(null, "not-a-jwt", null))).isInstanceOf(Propagation.Skip.class);
    }

    @Test
    void aJwtAtOrPastItsExpiryIsNeverSent() {
        assertThat(propagation.decide(ALLOWED, JWT_MODE, () -> session(null, JWT, NOW))).as("exp == now")
                .isInstanceOf(Propagation.Skip.class);
        IdentityPropagationException refusal = refusal(propagation.decide(ALLOWED, JWT_REQUIRED,
                () -> session(null, JWT, NOW.minusSeconds(1))), IdentityPropagationException.class);
        assertThat(refusal.refusal()).isEqualTo(IdentityPropagationException.Reason.JWT_EXPIRED);
        assertThat(refusal.status()).as("try again: the next call gets a fresh one").isEqualTo(503);
        assertThat(propagation.decide(ALLOWED, JWT_MODE, () -> session(null, JWT, NOW.plusSeconds(1))))
                .as("a second before exp").isInstanceOf(Propagation.Send.class);
    }

    @Test
    void sessionTokenModeNeverForwardsABrowsersCookie() {
        // A browser's session: Kratos vouched for it, but it came as a cookie, so there is no token to send.
        assertThat(propagation.decide(ALLOWED, TOKEN_MODE, () -> session(null, JWT, NOW.plusSeconds(600))))
                .isInstanceOf(Propagation.Skip.class);
        assertThat(refusal(propagation.decide(ALLOWED, TOKEN_REQUIRED, () -> session(null, JWT, NOW.plusSeconds(600))),
                IdentityPropagationException.class).refusal()).isEqualTo(IdentityPropagationException.Reason.NO_SESSION_TOKEN);
    }

    private static CapturedIdentity session(String token, String jwt, Instant expiry) {
        return CapturedIdentity.session("alice", token, jwt, expiry);
    }

    private static <T extends OrySessionException> T refusal(Propagation.Outcome outcome, Class<T> type) {
        assertThat(outcome).isInstanceOf(Propagation.Refuse.class);
        return type.cast(((Propagation.Refuse) outcome).failure());
    }

    private static ReturnToPolicy allowList(String... entries) {
        return new ReturnToPolicy(java.util.Arrays.stream(entries).map(AllowedReturnUrl::parse).toList(), null);
    }
}
