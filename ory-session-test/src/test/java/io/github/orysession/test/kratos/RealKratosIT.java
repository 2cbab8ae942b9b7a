package io.github.orysession.test.kratos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kit's real-Kratos half as an application uses it, against a real Kratos started from the binary of this project's
 * {@code kratos/build.sh} (or {@code KRATOS_BIN}) with the kit's own configuration: every session it hands out is one
 * Kratos itself vouches for.
 */
@ExtendWith(RealKratos.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealKratosIT {

    private static final KratosTestClient KRATOS = new KratosTestClient();

    private static JsonObject whoami(String token) throws Exception {
        HttpResponse<String> answer = KRATOS.whoami(token);
        assertThat(answer.statusCode()).as("Kratos's whoami: %s", answer.body()).isEqualTo(200);
        return KratosTestClient.parse(answer.body());
    }

    @Test
    void itRunsWithTheKitsConfigurationWhereTheBuildSaid() throws Exception {
        assertThat(RealKratos.publicUrl().getPort()).isEqualTo(Integer.getInteger("kratos.public.port"));
        assertThat(Files.readString(RealKratos.logDir().resolve("config/kratos-test.yml"))).contains("ory-session-test");
        assertThat(RealKratos.logDir().resolve("kratos.log")).exists();
    }

    @Test
    void aRegisteredUsersTokenIsASessionKratosVouchesFor() throws Exception {
        KratosTestClient.Registered ada = KRATOS.register();

        JsonObject session = whoami(ada.sessionToken());

        assertThat(session.getString("id")).isEqualTo(ada.sessionId());
        assertThat(session.getJsonObject("identity").getString("id")).isEqualTo(ada.identityId());
        assertThat(session.getJsonObject("identity").getJsonObject("traits").getString("email")).isEqualTo(ada.email());
        assertThat(session.getString("authenticator_assurance_level")).isEqualTo("aal1");
        assertThat(IssuedCredentials.all()).as("remembered for a log scan").contains(ada.sessionToken());
    }

    @Test
    void rolesAndTraitsAreStoredInKratos() throws Exception {
        KratosTestClient.Registered admin = KRATOS.register(Json.createObjectBuilder().add("name", "Grace").build(),
                List.of("admin", "ops"));

        JsonObject identity = whoami(admin.sessionToken()).getJsonObject("identity");

        assertThat(identity.getJsonObject("traits").getString("name")).isEqualTo("Grace");
        assertThat(identity.getJsonObject("metadata_public").getJsonArray("roles").getValuesAs(JsonString::getString))
                .containsExactly("admin", "ops");
        assertThat(KRATOS.registerNamed("Alan").email()).as("a unique email per registration").isNotEqualTo(admin.email());
    }

    @Test
    void aBrowserCookieJarHoldsASessionCookie() throws Exception {
        KratosTestClient.Registered bob = KRATOS.register();

        CookieManager jar = KRATOS.browserCookies(bob);
        HttpCookie cookie = jar.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(KratosTestClient.SESSION_COOKIE)).findFirst().orElseThrow();

        assertThat(KRATOS.whoamiStatus(cookie)).isEqualTo(200);
        assertThat(KRATOS.browserLogin(bob).getValue()).as("each browser login is a new session").isNotEqualTo(cookie.getValue());
        assertThat(IssuedCredentials.all()).contains(cookie.getValue());
    }

    @Test
    void aLoginIsANewSessionAndARevocationEndsIt() throws Exception {
        KratosTestClient.Registered carol = KRATOS.register();

        KratosTestClient.Login again = KRATOS.login(carol);
        KRATOS.revoke(again.sessionId());

        assertThat(again.sessionId()).isNotEqualTo(carol.sessionId());
        assertThat(KRATOS.whoamiStatus(again.sessionToken())).as("revoked").isEqualTo(401);
        assertThat(KRATOS.whoamiStatus(carol.sessionToken())).as("the other session lives on").isEqualTo(200);
    }

    @Test
    void anAal2SessionWithTotp() throws Exception {
        KratosTestClient.Registered dave = KRATOS.register();
        KratosStepUp stepUp = new KratosStepUp();

        KratosStepUp.Login strong = stepUp.aal2Session(dave);

        assertThat(strong.aal()).isEqualTo("aal2");
        JsonObject session = whoami(strong.sessionToken());
        assertThat(session.getString("authenticator_assurance_level")).isEqualTo("aal2");
        assertThat(session.getJsonArray("authentication_methods").getValuesAs(JsonObject.class))
                .extracting(method -> method.getString("method")).containsExactly("password", "totp");
        assertThat(stepUp.passwordLogin(dave).aal()).as("a password alone is aal1").isEqualTo("aal1");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void stoppedAndStartedAgainItKeepsItsSessions() throws Exception {
        KratosTestClient.Registered erin = KRATOS.register();

        RealKratos.stop();
        boolean refused;
        try {
            KRATOS.whoamiStatus(erin.sessionToken());
            refused = false;
        } catch (java.io.IOException connectionRefused) {
            refused = true;
        }
        RealKratos.start();

        assertThat(refused).as("nothing answers while it is stopped").isTrue();
        assertThat(KRATOS.whoamiStatus(erin.sessionToken())).as("the same session after the restart").isEqualTo(200);
    }
}
