package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.example.SensitiveResource;

import io.github.orysession.test.kratos.KratosStepUp;
import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * Assurance level and freshness against the real Kratos: a user with a TOTP second factor (set up through Kratos's
 * settings API flow), an aal1 session refused by {@code @Authenticated(aal = AAL2)} (303 to the aal2 login for a
 * browser, 403 with {@code redirect_browser_to} for an API client, on the resource and on a CDI bean), the same
 * session let through after an aal2 login with a TOTP code, a stale session sent to {@code refresh=true}, and
 * Kratos's re-issued session cookie passed on to the browser.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
@Tag(TargetServer.COMPAT)
class StepUpIT {

    private static final KratosTestClient KRATOS = new KratosTestClient();
    private static final KratosStepUp STEP_UP = new KratosStepUp();
    private static KratosTestClient.Registered withTotp;
    private static String totpSecret;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @BeforeAll
    static void userWithASecondFactor() throws Exception {
        withTotp = KRATOS.register();
        totpSecret = STEP_UP.setUpTotp(withTotp);
    }

    @Test
    void anAal1TokenOnAnAal2ResourceIs403WithRedirectBrowserTo() throws Exception {
        KratosStepUp.Login aal1 = STEP_UP.passwordLogin(withTotp);
        assertThat(aal1.aal()).as("a password login of a user with TOTP").isEqualTo("aal1");
        String dashboard = app().uri("dashboard").toString();

        for (String path : new String[] {"api/sensitive/aal2", "api/sensitive/via-bean"}) {
            HttpResponse<String> plain = app().get(path, "X-Session-Token", aal1.sessionToken());
            HttpResponse<String> fromPage = app().get(path, "X-Session-Token", aal1.sessionToken(), "Referer", dashboard);

            assertThat(plain.statusCode()).as("%s with an aal1 token: %s", path, plain.body()).isEqualTo(403);
            JsonObject body = KratosTestClient.parse(plain.body());
            assertThat(body.getJsonObject("error").getString("id")).as("%s: error id", path).isEqualTo("session_aal2_required");
            assertThat(body.getString("redirect_browser_to")).as("%s: no page to return to: the default", path)
                    .isEqualTo(ExpectedLogin.of(RealKratos.publicUrl(), "aal=aal2", ExpectedLogin.defaultReturnUrl()));
            assertThat(KratosTestClient.parse(fromPage.body()).getString("redirect_browser_to"))
                    .as("%s: called from a page of the application: back to that page", path)
                    .isEqualTo(ExpectedLogin.of(RealKratos.publicUrl(), "aal=aal2", dashboard));
        }
        assertThat(app().get("api/me", "X-Session-Token", aal1.sessionToken()).statusCode())
                .as("the same session where one factor is enough").isEqualTo(200);
    }

    @Test
    void anAal1BrowserSessionIsSentToTheSecondFactorLoginBackToThePage() throws Exception {
        HttpCookie cookie = KRATOS.browserLogin(withTotp);
        for (String path : new String[] {"api/sensitive/aal2?amount=10", "api/sensitive/via-bean"}) {
            URI page = app().uri(path);

            RawRequest.Answer answer = RawRequest.get(page).asBrowserNavigation()
                    .header("Cookie", cookie.getName() + "=" + cookie.getValue()).send();

            assertThat(answer.status()).as("%s, aal1 browser session: %s", path, answer.body()).isEqualTo(303);
            assertThat(answer.header("Location")).as("%s: Location", path)
                    .contains(ExpectedLogin.of(RealKratos.publicUrl(), "aal=aal2", page.toString()));
        }
    }

    @Test
    void aTotpStepUpOfTheSameTokenOpensTheAal2Resource() throws Exception {
        KratosStepUp.Login aal1 = STEP_UP.passwordLogin(withTotp);
        assertThat(app().get("api/sensitive/aal2", "X-Session-Token", aal1.sessionToken()).statusCode())
                .as("before the step-up").isEqualTo(403);

        KratosStepUp.Login aal2 = STEP_UP.stepUpToAal2(aal1.sessionToken(), totpSecret);
        assertThat(aal2.aal()).as("Kratos after the TOTP login").isEqualTo("aal2");
        assertThat(aal2.sessionId()).as("the step-up keeps the session").isEqualTo(aal1.sessionId());

        HttpResponse<String> response = app().get("api/sensitive/aal2", "X-Session-Token", aal1.sessionToken());
        assertThat(response.statusCode()).as("after the step-up, the same token: %s", response.body()).isEqualTo(200);
        JsonObject body = KratosTestClient.parse(response.body());
        assertThat(body.getString("aal")).as("aal").isEqualTo("aal2");
        assertThat(body.getString("session_id")).as("session").isEqualTo(aal1.sessionId());
        HttpResponse<String> viaBean = app().get("api/sensitive/via-bean", "X-Session-Token", aal1.sessionToken());
        assertThat(viaBean.statusCode()).as("the CDI bean after the step-up: %s", viaBean.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(viaBean.body()).getString("secret")).isEqualTo("the vault is open");
    }

    @Test
    void aStaleSessionIsSentToAuthenticateAgain() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        HttpCookie cookie = KRATOS.browserLogin(user);
        KratosStepUp.Login login = STEP_UP.passwordLogin(user);
        String cookieHeader = cookie.getName() + "=" + cookie.getValue();

        HttpResponse<String> fresh = app().get("api/sensitive/recent", "X-Session-Token", login.sessionToken());
        assertThat(fresh.statusCode()).as("just signed in: %s", fresh.body()).isEqualTo(200);
        assertThat(app().get("api/sensitive/recent", "Cookie", cookieHeader).statusCode()).as("just signed in, cookie").isEqualTo(200);
        Instant authenticatedAt = Instant.parse(KratosTestClient.parse(fresh.body()).getString("authenticated_at"));

        // Past the maximum age by a margin, measured from Kratos's own authenticated_at: no race with the clock.
        Instant stale = authenticatedAt.plusSeconds(SensitiveResource.RECENT_SECONDS).plusMillis(1500);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), stale).toMillis()));

        URI page = app().uri("api/sensitive/recent?step=2");
        RawRequest.Answer browser = RawRequest.get(page).asBrowserNavigation().header("Cookie", cookieHeader).send();
        assertThat(browser.status()).as("stale browser session: %s", browser.body()).isEqualTo(303);
        assertThat(browser.header("Location")).as("Location")
                .contains(ExpectedLogin.of(RealKratos.publicUrl(), "refresh=true", page.toString()));

        HttpResponse<String> api = app().get("api/sensitive/recent", "X-Session-Token", login.sessionToken());
        assertThat(api.statusCode()).as("stale token: %s", api.body()).isEqualTo(403);
        JsonObject body = KratosTestClient.parse(api.body());
        assertThat(body.getJsonObject("error").getString("id")).isEqualTo("session_refresh_required");
        assertThat(body.getString("redirect_browser_to"))
                .isEqualTo(ExpectedLogin.of(RealKratos.publicUrl(), "refresh=true", ExpectedLogin.defaultReturnUrl()));
        assertThat(app().get("api/me", "X-Session-Token", login.sessionToken()).statusCode())
                .as("the same session where age does not matter").isEqualTo(200);
    }

    @Test
    void aSessionCookieKratosReissuesReachesTheBrowser() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        HttpCookie cookie = KRATOS.browserLogin(user);
        String oldCookie = cookie.getName() + "=" + cookie.getValue();
        HttpResponse<String> before = app().get("api/me", "Cookie", oldCookie);
        assertThat(before.statusCode()).as("with the browser login's cookie: %s", before.body()).isEqualTo(200);
        assertThat(before.headers().allValues("Set-Cookie")).as("nothing to refresh yet").isEmpty();
        String sessionId = KratosTestClient.parse(before.body()).getString("session_id");

        // An administrator extends the session through the library (SessionAdmin), which also tells the session
        // cache: the next request asks Kratos, whose answer re-issues the cookie.
        KratosTestClient.Registered administrator = KRATOS.register(java.util.List.of("admin"));
        HttpResponse<String> extended = app().send("PATCH", "api/admin/sessions/" + sessionId + "/extend",
                "X-Session-Token", administrator.sessionToken());
        assertThat(extended.statusCode()).as("extend through the library: %s", extended.body()).isEqualTo(200);

        HttpResponse<String> after = app().get("api/me", "Cookie", oldCookie);
        assertThat(after.statusCode()).as("the old cookie after the extension: %s", after.body()).isEqualTo(200);
        String setCookie = after.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("ory_kratos_session="))
                .findFirst().orElseThrow(() -> new AssertionError("no ory_kratos_session Set-Cookie passed on: " + after.headers().map()));
        String newValue = setCookie.substring("ory_kratos_session=".length(), setCookie.indexOf(';'));
        Secrets.remember(newValue);
        assertThat(newValue).as("Kratos re-issued the cookie").isNotEqualTo(cookie.getValue());
        assertThat(setCookie).as("Kratos's cookie attributes kept").containsIgnoringCase("HttpOnly");
        assertThat(after.headers().firstValue("Cache-Control")).as("not for shared caches")
                .hasValueSatisfying(value -> assertThat(value).contains("private"));

        HttpResponse<String> withNew = app().get("api/me", "Cookie", "ory_kratos_session=" + newValue);
        assertThat(withNew.statusCode()).as("the re-issued cookie works").isEqualTo(200);
        assertThat(KratosTestClient.parse(withNew.body()).getString("session_id")).isEqualTo(sessionId);
        assertThat(withNew.headers().allValues("Set-Cookie")).as("the new cookie is current").isEmpty();
        // The example runs the Jakarta Security mechanism, which verifies every request that carries a credential, an
        // open resource's too (docs/jakarta-security.md): Kratos's re-issued cookie reaches the browser there as well.
        List<String> open = app().get("api/public", "Cookie", oldCookie).headers().allValues("Set-Cookie");
        open.forEach(value -> Secrets.remember(value.substring(value.indexOf('=') + 1, value.indexOf(';'))));
        assertThat(open).as("an open resource, the old cookie").isNotEmpty()
                .allSatisfy(value -> assertThat(value).as("only Kratos's session cookie").startsWith("ory_kratos_session=")
                        .doesNotContain(cookie.getValue()));
    }

    private AppClient app() {
        return new AppClient(base);
    }
}
