package io.github.orysession.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.github.orysession.model.AuthenticationMethod;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/** The builders give sessions and identities shaped as Kratos sends them. */
class TestSessionsTest {

    @Test
    void theDefaultsAreAnActiveAal1SessionOfTheDefaultIdentity() {
        Session session = TestSessions.session().build();

        assertThat(session.isUsableAt(Instant.now())).isTrue();
        assertThat(session.assuranceLevel()).isEqualTo(AuthenticatorAssuranceLevel.AAL1);
        assertThat(session.authenticationMethods()).extracting(AuthenticationMethod::method).containsExactly("password");
        assertThat(session.identity().email()).hasValue(TestSessions.DEFAULT_EMAIL);
        assertThat(session.identity().schemaId()).isEqualTo("default");
        assertThat(session.identity().verifiableAddresses()).singleElement()
                .satisfies(address -> assertThat(address.value()).isEqualTo(TestSessions.DEFAULT_EMAIL));
        assertThat(session.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
    }

    @Test
    void idsDeriveFromTheEmailSoTheyAreStable() {
        Session one = TestSessions.session().email("ada@example.com").build();
        Session two = TestSessions.session().email("ada@example.com").build();
        Session other = TestSessions.session().email("bob@example.com").build();

        assertThat(one.identity().id()).isEqualTo(two.identity().id()).isNotEqualTo(other.identity().id())
                .matches("[0-9a-f-]{36}");
        assertThat(one.id()).isEqualTo(two.id()).isNotEqualTo(one.identity().id());
    }

    @Test
    void aal2AddsASecondFactor() {
        Session session = TestSessions.session().aal2().build();

        assertThat(session.assuranceLevel()).isEqualTo(AuthenticatorAssuranceLevel.AAL2);
        assertThat(session.authenticationMethods()).extracting(AuthenticationMethod::method).containsExactly("password", "totp");
    }

    @Test
    void rolesGoToMetadataPublicWithWhatElseItHas() {
        Identity identity = TestSessions.identity().metadataPublic("{\"plan\":\"gold\"}").roles("admin", "ops").build();

        assertThat(identity.metadataPublic().getString("plan")).isEqualTo("gold");
        assertThat(identity.metadataPublic().getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("admin", "ops");
    }

    @Test
    void traitsKeepTheirEmailOrGetTheBuilders() {
        Identity own = TestSessions.identity().traits("{\"email\":\"own@example.com\",\"name\":\"Own\"}").build();
        Identity added = TestSessions.identity().email("ada@example.com").trait("name", "Ada").build();

        assertThat(own.email()).hasValue("own@example.com");
        assertThat(added.email()).hasValue("ada@example.com");
        assertThat(added.trait("name")).hasValue("Ada");
        assertThatThrownBy(() -> TestSessions.identity().traits("[1]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("traits must be a JSON object");
    }

    @Test
    void expiredInactiveAndOldSessions() {
        assertThat(TestSessions.session().expired().build().isUsableAt(Instant.now())).isFalse();
        assertThat(TestSessions.session().inactive().build().isUsableAt(Instant.now())).isFalse();
        assertThat(TestSessions.session().signedInAgo(Duration.ofMinutes(10)).build().authenticationAge(Instant.now()))
                .hasValueSatisfying(age -> assertThat(age).isGreaterThanOrEqualTo(Duration.ofMinutes(10)));
    }

    @Test
    void aWholeIdentityReplacesTheIdentitySettings() {
        Identity bob = TestSessions.identity().id("id-bob").email("bob@example.com").schemaId("customer").build();

        Session session = TestSessions.session().email("ignored@example.com").identity(bob).build();

        assertThat(session.identity()).isEqualTo(bob);
    }
}
