package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.RealKratos;
import io.github.orysession.test.kratos.KratosStepUp;
import io.github.orysession.test.kratos.KratosTestClient;

/**
 * Kratos's own {@code 403 session_aal2_required}, from a second real Kratos ({@link StrictKratos}: the same
 * database, {@code session.whoami.required_aal: highest_available}) that this deployment of the example asks. An
 * aal1 session of a user with TOTP is refused by Kratos itself even on a plain {@code @Authenticated} resource, and
 * the library answers it as it answers its own AAL2 requirement: 303 to the aal2 login for a browser, 403 with
 * {@code redirect_browser_to} for an API client.
 * <p>
 * The deployment is the example WAR, as {@code strict-example.war}, whose {@code microprofile-config.properties}
 * names the strict Kratos (and its own allow-list) with a {@code config_ordinal} above the environment's, so it runs
 * on every server without a second server container.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, StrictKratos.class, ArquillianExtension.class})
class StrictKratosIT {

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";
    /** Its own name (and context root): never mistaken for an example deployment another class failed to remove. */
    private static final String NAME = "strict-example";
    private static final String DEFAULT_RETURN_URL =
            "http://127.0.0.1:" + System.getProperty("liberty.http.port", "9080") + "/" + NAME + "/";
    private static final KratosTestClient KRATOS = new KratosTestClient();
    private static final KratosStepUp STEP_UP = new KratosStepUp();
    private static KratosTestClient.Registered withTotp;
    private static String totpSecret;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() throws IOException {
        WebArchive war = ShrinkWrap.create(WebArchive.class, NAME + ".war").merge(ExampleDeployment.war());
        String original;
        try (InputStream in = war.get(CONFIG).getAsset().openStream()) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        war.delete(CONFIG);
        // Later keys win in a properties file; the ordinal puts this file above the build's environment variables.
        war.add(new StringAsset(original + "\n# StrictKratosIT\nconfig_ordinal=500\n"
                + "ory.kratos.url=" + StrictKratos.publicUrl() + "\n"
                + "ory.browser.allowed-return-urls=http://127.0.0.1:*/" + NAME + "\n"
                + "ory.browser.default-return-url=" + DEFAULT_RETURN_URL + "\n"), CONFIG);
        return war;
    }

    @BeforeAll
    static void userWithASecondFactor() throws Exception {
        withTotp = KRATOS.register();
        totpSecret = STEP_UP.setUpTotp(withTotp);
    }

    @Test
    void theStrictKratosItselfRefusesAnAal1SessionOfAUserWithTotp() throws Exception {
        KratosStepUp.Login aal1 = STEP_UP.passwordLogin(withTotp);

        HttpResponse<String> strict = STEP_UP.whoami(StrictKratos.publicUrl(), aal1.sessionToken());
        assertThat(strict.statusCode()).as("strict Kratos's whoami: %s", strict.body()).isEqualTo(403);
        assertThat(KratosTestClient.parse(strict.body()).getJsonObject("error").getString("id")).isEqualTo("session_aal2_required");
        assertThat(STEP_UP.whoami(RealKratos.publicUrl(), aal1.sessionToken()).statusCode())
                .as("the main Kratos vouches for the same session at aal1").isEqualTo(200);
    }

    @Test
    void anApiClientGets403WithRedirectBrowserTo() throws Exception {
        KratosStepUp.Login aal1 = STEP_UP.passwordLogin(withTotp);

        HttpResponse<String> response = app().get("api/me", "X-Session-Token", aal1.sessionToken());

        assertThat(response.statusCode()).as("plain @Authenticated, Kratos refuses aal1: %s", response.body()).isEqualTo(403);
        JsonObject body = KratosTestClient.parse(response.body());
        assertThat(body.getJsonObject("error").getString("id")).isEqualTo("session_aal2_required");
        assertThat(body.getString("redirect_browser_to")).as("the library's aal2 login, with its allow-listed return_to")
                .isEqualTo(ExpectedLogin.of(StrictKratos.publicUrl(), "aal=aal2", DEFAULT_RETURN_URL));
        assertThat(KratosTestClient.parse(app().get("api/public/greeting", "X-Session-Token", aal1.sessionToken()).body())
                .getString("message")).as("where a session is optional, a refused one is no session").isEqualTo("Hello, stranger");
    }

    @Test
    void aBrowserIsSentToTheSecondFactorLoginBackToThePage() throws Exception {
        HttpCookie cookie = KRATOS.browserLogin(withTotp);
        URI page = app().uri("api/me?from=strict");

        RawRequest.Answer answer = RawRequest.get(page).asBrowserNavigation()
                .header("Cookie", cookie.getName() + "=" + cookie.getValue()).send();

        assertThat(answer.status()).as("aal1 browser session, strict Kratos: %s", answer.body()).isEqualTo(303);
        assertThat(answer.header("Location")).contains(ExpectedLogin.of(StrictKratos.publicUrl(), "aal=aal2", page.toString()));
    }

    @Test
    void afterTheStepUpTheSameTokenIsLetThrough() throws Exception {
        KratosStepUp.Login aal1 = STEP_UP.passwordLogin(withTotp);
        assertThat(app().get("api/me", "X-Session-Token", aal1.sessionToken()).statusCode()).as("before").isEqualTo(403);

        STEP_UP.stepUpToAal2(aal1.sessionToken(), totpSecret);

        HttpResponse<String> response = app().get("api/me", "X-Session-Token", aal1.sessionToken());
        assertThat(response.statusCode()).as("after the TOTP step-up: %s", response.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(response.body()).getString("aal")).isEqualTo("aal2");
    }

    @Test
    void aUserWithoutASecondFactorIsLetThroughAtAal1() throws Exception {
        KratosTestClient.Registered plain = KRATOS.register();

        HttpResponse<String> response = app().get("api/me", "X-Session-Token", plain.sessionToken());

        assertThat(response.statusCode()).as("aal1 is the highest available: %s", response.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(response.body()).getString("aal")).isEqualTo("aal1");
    }

    private AppClient app() {
        return new AppClient(base);
    }
}
