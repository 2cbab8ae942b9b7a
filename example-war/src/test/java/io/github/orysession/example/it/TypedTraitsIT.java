package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * Typed traits on a real server, through the server's own JSON-B: the traits Kratos stored at registration, read as
 * the example's {@code PersonTraits} by {@code @Inject @Traits} ({@code /api/me/profile}) and by
 * {@code identity.traitsAs} (the dashboard).
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class TypedTraitsIT {

    private static final KratosTestClient KRATOS = new KratosTestClient();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @Test
    void theProfileIsTheTraitsKratosStoredReadAsTheApplicationsType() throws Exception {
        KratosTestClient.Registered ada = KRATOS.registerNamed("Ada Lovelace");

        HttpResponse<String> response = new AppClient(base).get("api/me/profile", "X-Session-Token", ada.sessionToken());

        assertThat(response.statusCode()).as("GET /api/me/profile: %s", response.body()).isEqualTo(200);
        JsonObject profile = KratosTestClient.parse(response.body());
        assertThat(profile.getString("email")).isEqualTo(ada.email());
        assertThat(profile.getString("name")).isEqualTo("Ada Lovelace");
    }

    @Test
    void anAbsentTraitIsAbsentAndTheRolesAreTheSessions() throws Exception {
        KratosTestClient.Registered admin = KRATOS.register(List.of("admin"));

        HttpResponse<String> response = new AppClient(base).get("api/me/profile", "X-Session-Token", admin.sessionToken());

        assertThat(response.statusCode()).as("GET /api/me/profile: %s", response.body()).isEqualTo(200);
        JsonObject profile = KratosTestClient.parse(response.body());
        assertThat(profile.containsKey("name")).as("no name trait: %s", profile).isFalse();
        assertThat(profile.getJsonArray("roles").getValuesAs(JsonString::getString)).as("roles from metadata_public")
                .containsExactly("admin");
    }

    @Test
    void withoutASessionTheProfileIs401NotAnErrorOfTheInjection() throws Exception {
        HttpResponse<String> response = new AppClient(base).get("api/me/profile");

        assertThat(response.statusCode()).as("no credentials: %s", response.body()).isEqualTo(401);
        assertThat(AppClient.reason(response)).isEqualTo("no_credentials");
    }

    @Test
    void theDashboardShowsTheTypedTraits() throws Exception {
        KratosTestClient.Registered grace = KRATOS.registerNamed("Grace Hopper");
        HttpCookie cookie = KRATOS.browserLogin(grace);

        HttpResponse<String> dashboard = new AppClient(base).get("dashboard", "Accept", "text/html",
                "Cookie", cookie.getName() + "=" + cookie.getValue());

        assertThat(dashboard.statusCode()).as("dashboard: %s", dashboard.body()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Grace Hopper").contains(grace.email());
    }
}
