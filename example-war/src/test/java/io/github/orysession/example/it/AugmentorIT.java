package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * The application's own roles on a real server: the example's {@code TeamRoles} augmentor reads its in-memory team
 * directory, and the role it grants opens {@code @RolesAllowed("editor")}; granted and withdrawn through the
 * example's administration, they apply at the next request (the library is told to forget the identity's cached
 * sessions); a record the directory cannot read is a 503, never a pass without the roles.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class AugmentorIT {

    private static final KratosTestClient KRATOS = new KratosTestClient();
    private static final String DRAFTS = "api/articles/drafts";
    private static KratosTestClient.Registered admin;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @BeforeAll
    static void administrator() throws Exception {
        admin = KRATOS.register(List.of("admin"));
    }

    private HttpResponse<String> as(KratosTestClient.Registered user, String path) throws Exception {
        return new AppClient(base).get(path, "X-Session-Token", user.sessionToken());
    }

    private void admin(String method, String path) throws Exception {
        HttpResponse<String> response = new AppClient(base).send(method, path, "X-Session-Token", admin.sessionToken());
        assertThat(response.statusCode()).as("%s %s by the admin: %s", method, path, response.body()).isEqualTo(204);
    }

    @Test
    void aRoleFromTheApplicationsDataOpensRolesAllowedAtTheNextRequest() throws Exception {
        KratosTestClient.Registered bob = KRATOS.register();
        KratosTestClient.Registered carol = KRATOS.register();
        HttpResponse<String> before = as(bob, DRAFTS);
        assertThat(before.statusCode()).as("bob before the grant: %s", before.body()).isEqualTo(403);
        assertThat(AppClient.reason(before)).isEqualTo("missing_role");

        admin("PUT", "api/admin/teams/" + bob.identityId() + "/roles/editor");
        HttpResponse<String> after = as(bob, DRAFTS);

        assertThat(after.statusCode()).as("bob after the grant, his session was cached before it: %s", after.body())
                .isEqualTo(200);
        JsonObject drafts = KratosTestClient.parse(after.body());
        assertThat(drafts.getString("editor")).isEqualTo(bob.identityId());
        assertThat(drafts.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("editor");
        assertThat(drafts.getJsonObject("attributes").getString("roles_from")).isEqualTo("team-directory");
        assertThat(as(carol, DRAFTS).statusCode()).as("carol, on no team").isEqualTo(403);
        JsonObject profile = KratosTestClient.parse(as(bob, "api/me/profile").body());
        assertThat(profile.getJsonArray("roles").getValuesAs(JsonString::getString)).as("OrySession.roles()")
                .containsExactly("editor");

        admin("DELETE", "api/admin/teams/" + bob.identityId() + "/roles/editor");
        assertThat(as(bob, DRAFTS).statusCode()).as("bob after the role was withdrawn").isEqualTo(403);
    }

    @Test
    void theRolesOfKratosAndOfTheApplicationAddUp() throws Exception {
        KratosTestClient.Registered both = KRATOS.register(List.of("admin"));
        admin("PUT", "api/admin/teams/" + both.identityId() + "/roles/editor");

        HttpResponse<String> jwt = as(both, "api/jwt");

        assertThat(jwt.statusCode()).as("GET /api/jwt: %s", jwt.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(jwt.body()).getJsonArray("groups").getValuesAs(JsonString::getString))
                .as("the JWT mapper's groups").containsExactlyInAnyOrder("admin", "editor");
        assertThat(as(both, DRAFTS).statusCode()).isEqualTo(200);
        assertThat(as(both, "api/admin/teams-check-that-does-not-exist").statusCode()).as("an unknown path").isEqualTo(404);
    }

    @Test
    void aRecordTheApplicationCannotReadIs503NeverAPassOrA401() throws Exception {
        KratosTestClient.Registered dave = KRATOS.register();
        admin("PUT", "api/admin/teams/" + dave.identityId() + "/roles/editor");
        admin("PUT", "api/admin/teams/" + dave.identityId() + "/unreadable");

        HttpResponse<String> drafts = as(dave, DRAFTS);
        HttpResponse<String> me = as(dave, "api/me");

        assertThat(drafts.statusCode()).as("the augmentor failed: %s", drafts.body()).isEqualTo(503);
        assertThat(AppClient.reason(drafts)).isEqualTo("augmentation_failed");
        assertThat(drafts.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(drafts.body()).doesNotContain(dave.sessionToken()).doesNotContain("cannot read the record");
        assertThat(me.statusCode()).as("any resource with that session: %s", me.body()).isEqualTo(503);

        admin("DELETE", "api/admin/teams/" + dave.identityId() + "/unreadable");
        assertThat(as(dave, DRAFTS).statusCode()).as("the record readable again").isEqualTo(200);
    }

    @Test
    void onlyAnAdminAdministersTheTeams() throws Exception {
        KratosTestClient.Registered eve = KRATOS.register();

        HttpResponse<String> response = new AppClient(base).send("PUT", "api/admin/teams/" + eve.identityId() + "/roles/editor",
                "X-Session-Token", eve.sessionToken());

        assertThat(response.statusCode()).as("a user granting herself a role: %s", response.body()).isEqualTo(403);
        assertThat(as(eve, DRAFTS).statusCode()).isEqualTo(403);
    }
}
