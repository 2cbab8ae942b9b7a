package io.github.orysession.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.jwt.Claims;
import org.junit.jupiter.api.Test;

import io.github.orysession.internal.jwt.GroupsPointer;
import io.github.orysession.jwt.SessionJsonWebToken;
import io.github.orysession.model.AuthenticationMethod;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

class SessionJsonWebTokenTest {

    private static final Instant ISSUED = Instant.parse("2025-01-02T03:04:05Z");

    static Session session(JsonObject traits, JsonObject metadata) {
        Identity identity = new Identity("identity-1", "default", null, "active", null, traits, null, null, metadata, null, null);
        return new Session("session-1", true, ISSUED.plusSeconds(3600), ISSUED.minusSeconds(5), ISSUED, "aal2",
                List.of(new AuthenticationMethod("password", "aal1", ISSUED, null, null),
                        new AuthenticationMethod("totp", "aal2", ISSUED, null, null)), null, identity, null);
    }

    @Test
    void everyClaimComesFromTheSession() {
        Session session = session(Json.createObjectBuilder().add("email", "a@example.com")
                .add("roles", Json.createArrayBuilder().add("admin")).build(), null);

        SessionJsonWebToken token = new SessionJsonWebToken(session, "http://127.0.0.1:4433",
                new GroupsPointer("/traits/roles").groupsOf(session.identity()));

        assertThat(token.getSubject()).as("sub").isEqualTo("identity-1");
        assertThat(token.getName()).as("name is the subject").isEqualTo("identity-1");
        assertThat(token.<String>getClaim("sid")).as("sid").isEqualTo("session-1");
        assertThat(token.getTokenID()).as("jti").isEqualTo("session-1");
        assertThat(token.getIssuer()).as("iss").isEqualTo("http://127.0.0.1:4433");
        assertThat(token.getIssuedAtTime()).as("iat").isEqualTo(ISSUED.getEpochSecond());
        assertThat(token.getExpirationTime()).as("exp").isEqualTo(ISSUED.getEpochSecond() + 3600);
        assertThat(token.<Long>getClaim(Claims.auth_time)).as("auth_time").isEqualTo(ISSUED.getEpochSecond() - 5);
        assertThat(token.<String>getClaim(Claims.email)).isEqualTo("a@example.com");
        assertThat(token.<String>getClaim(Claims.acr)).as("acr").isEqualTo("aal2");
        assertThat(token.<JsonArray>getClaim(Claims.amr)).as("amr").isEqualTo(Json.createArrayBuilder().add("password").add("totp").build());
        assertThat(token.getGroups()).as("groups").containsExactly("admin");
        assertThat(token.getRawToken()).as("not a signed token").isNull();
        assertThat(token.getClaimNames()).doesNotContain("raw_token");
    }

    @Test
    void groupsComeFromTraitsOrPublicMetadataAsArrayOrString() {
        Session session = session(Json.createObjectBuilder().add("email", "a@example.com").add("team", "blue").build(),
                Json.createObjectBuilder().add("authz", Json.createObjectBuilder()
                        .add("groups", Json.createArrayBuilder().add("x").add("y").add(3))).build());

        assertThat(new GroupsPointer("/metadata_public/authz/groups").groupsOf(session.identity()))
                .as("strings of an array, non-strings skipped").containsExactlyInAnyOrder("x", "y");
        assertThat(new GroupsPointer("/traits/team").groupsOf(session.identity())).as("a single string").containsExactly("blue");
        assertThat(new GroupsPointer("/traits/roles").groupsOf(session.identity())).as("absent").isEmpty();
        assertThat(new GroupsPointer("/traits/email/deeper").groupsOf(session.identity())).as("through a string").isEmpty();
    }

    @Test
    void aPointerOutsideTraitsAndMetadataIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> new GroupsPointer("/roles")).hasMessageContaining("ory.jwt.groups-pointer");
        assertThatThrownBy(() -> new GroupsPointer("traits/roles")).hasMessageContaining("ory.jwt.groups-pointer");
    }

    @Test
    void claimConversionsAcceptJavaAndJsonShapesAndNeverGuess() {
        assertThat(ClaimConversions.string(Json.createValue("v"))).isEqualTo("v");
        assertThat(ClaimConversions.string(5L)).as("a number is not a string").isNull();
        assertThat(ClaimConversions.number(Json.createValue(7L))).isEqualTo(7L);
        assertThat(ClaimConversions.number(7)).isEqualTo(7L);
        assertThat(ClaimConversions.bool(jakarta.json.JsonValue.TRUE)).isTrue();
        assertThat(ClaimConversions.strings(Json.createArrayBuilder().add("a").add("b").build())).containsExactly("a", "b");
        assertThat(ClaimConversions.json(java.util.Set.of("a"))).isEqualTo(Json.createArrayBuilder().add("a").build());
        assertThat(ClaimConversions.json(12L)).isEqualTo(Json.createValue(12L));
    }
}
