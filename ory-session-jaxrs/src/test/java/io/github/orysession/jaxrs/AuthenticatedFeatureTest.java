package io.github.orysession.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.orysession.Authenticated;
import io.github.orysession.SessionRequirement;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

/** {@link AuthenticatedFeature#requirement}: what a resource method asks, and invalid attributes named. */
class AuthenticatedFeatureTest {

    @Authenticated(maxAgeSeconds = 600)
    interface Contract {
        String inherited();

        @Authenticated(aal = AuthenticatorAssuranceLevel.AAL2)
        String stronger();

        @Authenticated(maxAgeSeconds = 0)
        String invalid();
    }

    static class Implementation implements Contract {
        @Override
        public String inherited() {
            return "";
        }

        @Override
        public String stronger() {
            return "";
        }

        @Override
        public String invalid() {
            return "";
        }

        @Authenticated(maxAgeSeconds = -5)
        public String invalidHere() {
            return "";
        }

        public String plain() {
            return "";
        }
    }

    static class Unannotated {
        public String plain() {
            return "";
        }
    }

    @Test
    void theRequirementComesFromTheMethodOrItsInterface() throws Exception {
        assertThat(AuthenticatedFeature.requirement(Implementation.class, Implementation.class.getMethod("inherited")))
                .as("the interface's type-level annotation")
                .isEqualTo(new SessionRequirement(AuthenticatorAssuranceLevel.AAL1, Duration.ofMinutes(10)));
        assertThat(AuthenticatedFeature.requirement(Implementation.class, Implementation.class.getMethod("stronger")))
                .as("the interface method's own").isEqualTo(new SessionRequirement(AuthenticatorAssuranceLevel.AAL2, null));
        assertThat(AuthenticatedFeature.requirement(Unannotated.class, Unannotated.class.getMethod("plain")))
                .as("no annotation anywhere").isNull();
    }

    @Test
    void invalidAttributesFailNamingWhereTheyAre() {
        assertThatThrownBy(() -> AuthenticatedFeature.requirement(Implementation.class,
                Implementation.class.getMethod("invalidHere")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maxAgeSeconds = -5").hasMessageContaining(Implementation.class.getName() + ".invalidHere()");
        assertThatThrownBy(() -> AuthenticatedFeature.requirement(Implementation.class,
                Implementation.class.getMethod("invalid")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Contract.class.getName() + ".invalid()");
    }

    @Test
    void theStrongestOfTwoRequirementsAsksForBoth() {
        SessionRequirement aal2 = new SessionRequirement(AuthenticatorAssuranceLevel.AAL2, Duration.ofMinutes(10));
        SessionRequirement recent = new SessionRequirement(AuthenticatorAssuranceLevel.AAL1, Duration.ofMinutes(1));

        assertThat(LocatorChain.strongest(aal2, recent))
                .isEqualTo(new SessionRequirement(AuthenticatorAssuranceLevel.AAL2, Duration.ofMinutes(1)));
        assertThat(LocatorChain.strongest(null, recent)).isEqualTo(recent);
        assertThat(LocatorChain.strongest(aal2, null)).isEqualTo(aal2);
        assertThat(LocatorChain.strongest(null, null)).isNull();
    }
}
