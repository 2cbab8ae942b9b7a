package io.github.orysession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

class SessionRequirementTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final SessionRequirement AAL2 = new SessionRequirement(AuthenticatorAssuranceLevel.AAL2, null);
    private static final SessionRequirement FIVE_MINUTES = new SessionRequirement(AuthenticatorAssuranceLevel.AAL1, Duration.ofMinutes(5));

    @Test
    void anyUsableSessionMeetsTheDefault() {
        assertThat(SessionRequirement.ANY_SESSION.shortfall(session("aal1", NOW.minusSeconds(86_000)), NOW)).as("aal1, old").isEmpty();
    }

    @Test
    void anAal1SessionFallsShortOfAal2() {
        assertThat(AAL2.shortfall(session("aal1", NOW), NOW)).as("aal1 on an AAL2 method")
                .hasValueSatisfying(e -> {
                    assertThat(e).isInstanceOf(AssuranceLevelRequiredException.class);
                    assertThat(e.reason()).isEqualTo("session_aal2_required");
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.loginParameters()).containsExactly(java.util.Map.entry("aal", "aal2"));
                });
        assertThat(AAL2.shortfall(session("aal2", NOW), NOW)).as("aal2 on an AAL2 method").isEmpty();
        assertThat(AAL2.shortfall(session(null, NOW), NOW)).as("no level at all").isPresent();
    }

    @Test
    void anOldAuthenticationFallsShortOfTheMaximumAge() {
        assertThat(FIVE_MINUTES.shortfall(session("aal1", NOW.minusSeconds(300)), NOW)).as("exactly five minutes").isEmpty();
        assertThat(FIVE_MINUTES.shortfall(session("aal1", NOW.minusSeconds(301)), NOW)).as("five minutes and a second")
                .hasValueSatisfying(e -> {
                    assertThat(e).isInstanceOf(ReauthenticationRequiredException.class);
                    assertThat(e.reason()).isEqualTo("session_refresh_required");
                    assertThat(e.loginParameters()).containsExactly(java.util.Map.entry("refresh", "true"));
                });
        assertThat(FIVE_MINUTES.shortfall(session("aal1", null), NOW)).as("unknown authentication time is not recent").isPresent();
    }

    @Test
    void theLevelIsAskedForBeforeTheAge() {
        SessionRequirement both = new SessionRequirement(AuthenticatorAssuranceLevel.AAL2, Duration.ofMinutes(5));

        assertThat(both.shortfall(session("aal1", NOW.minusSeconds(3600)), NOW)).as("both lacking")
                .hasValueSatisfying(e -> assertThat(e).isInstanceOf(AssuranceLevelRequiredException.class));
    }

    @Test
    void theMethodsAnnotationWinsOverTheClasss() throws Exception {
        assertThat(SessionRequirement.forMethod(Guarded.class, Guarded.class.getMethod("relaxed")))
                .as("method level").contains(SessionRequirement.ANY_SESSION);
        assertThat(SessionRequirement.forMethod(Guarded.class, Guarded.class.getMethod("inherited")))
                .as("class level").contains(AAL2);
        assertThat(SessionRequirement.forMethod(Guarded.Sub.class, Guarded.class.getMethod("inherited")))
                .as("class level, inherited by a subclass").contains(AAL2);
        assertThat(SessionRequirement.forMethod(Object.class, Object.class.getMethod("toString"))).as("not guarded").isEmpty();
    }

    @Test
    void invalidAttributesAreRefusedNamingTheMethod() throws Exception {
        assertThatThrownBy(() -> SessionRequirement.forMethod(Invalid.class, Invalid.class.getMethod("zeroAge")))
                .hasMessageContaining("maxAgeSeconds = 0").hasMessageContaining("Invalid.zeroAge()");
        assertThatThrownBy(() -> SessionRequirement.forMethod(Invalid.class, Invalid.class.getMethod("aal3")))
                .hasMessageContaining("AAL1 or AAL2").hasMessageContaining("Invalid.aal3()");
        assertThatThrownBy(() -> SessionRequirement.of(Authenticated.Literal.of(AuthenticatorAssuranceLevel.AAL0, -1)))
                .hasMessageContaining("AAL1 or AAL2");
        assertThatThrownBy(() -> SessionRequirement.of(Authenticated.Literal.of(AuthenticatorAssuranceLevel.AAL1, -5)))
                .hasMessageContaining("maxAgeSeconds = -5");
    }

    @Test
    void theLiteralCarriesItsAttributes() {
        assertThat(SessionRequirement.of(Authenticated.Literal.INSTANCE)).as("defaults").isEqualTo(SessionRequirement.ANY_SESSION);
        assertThat(SessionRequirement.of(Authenticated.Literal.of(AuthenticatorAssuranceLevel.AAL2, 60)))
                .isEqualTo(new SessionRequirement(AuthenticatorAssuranceLevel.AAL2, Duration.ofSeconds(60)));
    }

    private static Session session(String aal, Instant authenticatedAt) {
        Identity identity = new Identity("i1", "default", null, "active", null, JsonValue.EMPTY_JSON_OBJECT,
                null, null, null, null, null);
        return new Session("s1", true, NOW.plusSeconds(3600), authenticatedAt, authenticatedAt, aal, null, null, identity, null);
    }

    @Authenticated(aal = AuthenticatorAssuranceLevel.AAL2)
    public static class Guarded {
        @Authenticated
        public void relaxed() {
        }

        public void inherited() {
        }

        public static class Sub extends Guarded {
        }
    }

    public static class Invalid {
        @Authenticated(maxAgeSeconds = 0)
        public void zeroAge() {
        }

        @Authenticated(aal = AuthenticatorAssuranceLevel.AAL3)
        public void aal3() {
        }
    }
}
