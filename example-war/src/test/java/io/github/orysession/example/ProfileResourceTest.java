package io.github.orysession.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import io.github.orysession.SessionAugmentationException;
import io.github.orysession.example.teams.TeamDirectory;
import io.github.orysession.example.teams.TeamRoles;
import io.github.orysession.model.IdentityMappingException;
import io.github.orysession.test.OryWeld;
import io.github.orysession.test.WithOrySession;

/**
 * The profile resource with the example's own augmentor: typed traits, the roles of {@code metadata_public} and of
 * the team directory, and the augmentor failing closed.
 */
@EnableWeld
class ProfileResourceTest {

    @WeldSetup
    WeldInitiator weld = OryWeld.of(ProfileResource.class, TeamRoles.class, TeamDirectory.class);

    @Inject
    ProfileResource profile;

    @Inject
    TeamDirectory directory;

    @Test
    @WithOrySession(identityId = "id-ada", email = "ada@example.com", traits = "{\"name\":\"Ada\"}", roles = "admin")
    void typedTraitsAndTheRolesOfKratosAndOfTheDirectory() {
        directory.grant("id-ada", "editor");

        JsonObject json = profile.profile();

        assertThat(json.getString("name")).isEqualTo("Ada");
        assertThat(json.getString("email")).isEqualTo("ada@example.com");
        assertThat(json.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("admin", "editor");
        assertThat(json.getJsonObject("attributes").getString("roles_from")).isEqualTo("team-directory");
    }

    @Test
    @WithOrySession(identityId = "id-bob")
    void anUnreadableRecordFailsTheRequest() {
        directory.setReadable("id-bob", false);

        assertThatThrownBy(profile::profile).isInstanceOf(SessionAugmentationException.class)
                .satisfies(e -> assertThat(((SessionAugmentationException) e).status()).isEqualTo(503));
    }

    @Test
    @WithOrySession(schemaId = "customer")
    void anIdentityOfAnotherSchemaIsNotReadAsAPerson() {
        assertThatThrownBy(profile::profile).isInstanceOf(IdentityMappingException.class)
                .hasMessageContaining("the identity's schema is 'customer'");
    }
}
