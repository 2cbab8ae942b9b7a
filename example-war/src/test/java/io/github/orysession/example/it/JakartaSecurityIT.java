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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.example.SensitiveResource;

import io.github.orysession.test.kratos.KratosStepUp;
import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * The library's Jakarta Security mechanism ({@code ory-session-security}) on a real server against the real Kratos:
 * the example's Faces pages and servlets behind web.xml security constraints, not behind the JAX-RS filter. Session
 * cookie and {@code X-Session-Token}; no session (a browser to Kratos's login with {@code return_to}, an API client
 * {@code 401}); a revoked session; roles from {@code metadata_public.roles} for a web.xml constraint and an enterprise
 * bean's {@code @RolesAllowed}; a page that needs a second factor, a servlet that needs a recent sign-in; Kratos
 * stopped ({@code 503}, never a login and never let through).
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
@Tag(TargetServer.COMPAT)
class JakartaSecurityIT {

    private static final KratosTestClient KRATOS = new KratosTestClient();
    private static final Duration TTL = Duration.ofMillis(Long.getLong("it.cache.ttl.ms", 3000));

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @AfterEach
    void kratosBack() throws Exception {
        RealKratos.start();
    }

    @Test
    void aSessionTokenOrCookieIsTheCallerOfTheServletAndTheFacesPage() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        HttpCookie cookie = KRATOS.browserLogin(user);

        for (String[] credential : new String[][] {{"X-Session-Token", user.sessionToken()}, {"Cookie", cookieHeader(cookie)}}) {
            HttpResponse<String> me = app().get("servlet/me", credential);
            assertThat(me.statusCode()).as("/servlet/me with %s: %s", credential[0], me.body()).isEqualTo(200);
            JsonObject body = KratosTestClient.parse(me.body());
            assertThat(body.getString("identity_id")).as("Jakarta Security's caller is the identity").isEqualTo(user.identityId());
            assertThat(body.getString("email")).isEqualTo(user.email());
        }
        RawRequest.Answer page = RawRequest.get(app().uri("account.xhtml")).asBrowserNavigation()
                .header("Cookie", cookieHeader(cookie)).send();
        assertThat(page.status()).as("account.xhtml with the browser's cookie: %s", page.body()).isEqualTo(200);
        assertThat(page.body()).as("the Faces page shows the email and the identity id")
                .contains("<dd id=\"email\">" + user.email() + "</dd>")
                .contains("<dd id=\"identity-id\">" + user.identityId() + "</dd>")
                .contains("<dd id=\"administrator\">no</dd>");
    }

    @Test
    void withoutASessionABrowserIsSentToTheLoginAndAnApiClientGets401() throws Exception {
        URI page = app().uri("account.xhtml?tab=2");
        RawRequest.Answer browser = RawRequest.get(page).asBrowserNavigation().send();
        assertThat(browser.status()).as("a browser without a session: %s", browser.body()).isEqualTo(303);
        assertThat(browser.header("Location")).hasValue(ExpectedLogin.of(RealKratos.publicUrl(), null, page.toString()));
        assertThat(browser.header("Cache-Control")).hasValue("no-store");

        RawRequest.Answer forgedHost = RawRequest.get(page).asBrowserNavigation().header("Host", "evil.example.com").send();
        assertThat(forgedHost.status()).isEqualTo(303);
        assertThat(forgedHost.header("Location")).as("a forged Host never becomes the way back")
                .hasValue(ExpectedLogin.of(RealKratos.publicUrl(), null, ExpectedLogin.defaultReturnUrl()));

        for (String path : List.of("servlet/me", "account.xhtml")) {
            HttpResponse<String> api = app().get(path);
            assertThat(api.statusCode()).as("%s, an API client without a session: %s", path, api.body()).isEqualTo(401);
            assertThat(AppClient.reason(api)).isEqualTo("no_credentials");
            assertThat(api.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"ory\"");
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        }
        HttpResponse<String> garbage = app().get("servlet/me", "X-Session-Token", "ory_st_notASessionnotASessionnotASess0");
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(AppClient.reason(garbage)).isEqualTo("invalid_session");
        assertThat(app().get("api/public").statusCode()).as("open resources stay open").isEqualTo(200);
    }

    @Test
    void aRevokedSessionIsRefused() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        KratosTestClient.Login other = KRATOS.login(user);
        KratosTestClient.Login third = KRATOS.login(user);
        assertThat(app().get("servlet/me", "X-Session-Token", other.sessionToken()).statusCode()).as("before").isEqualTo(200);
        assertThat(app().get("servlet/me", "X-Session-Token", third.sessionToken()).statusCode()).as("before").isEqualTo(200);

        // Through the library (MySessions): refused at the very next request, although it was cached a moment ago.
        HttpResponse<String> revoke = app().send("DELETE", "api/sessions/" + other.sessionId(), "X-Session-Token", user.sessionToken());
        assertThat(revoke.statusCode()).as("revoke through the library: %s", revoke.body()).isEqualTo(204);
        HttpResponse<String> afterLibrary = app().get("servlet/me", "X-Session-Token", other.sessionToken());
        assertThat(afterLibrary.statusCode()).as("revoked through the library: %s", afterLibrary.body()).isEqualTo(401);
        assertThat(AppClient.reason(afterLibrary)).isEqualTo("invalid_session");

        // Behind the library's back (Kratos's admin API): refused once the cache entry ends.
        KRATOS.revoke(third.sessionId());
        Thread.sleep(TTL.plusMillis(300).toMillis());
        HttpResponse<String> afterAdmin = app().get("account.xhtml", "X-Session-Token", third.sessionToken());
        assertThat(afterAdmin.statusCode()).as("revoked at Kratos, after the TTL: %s", afterAdmin.body()).isEqualTo(401);
        assertThat(app().get("servlet/me", "X-Session-Token", user.sessionToken()).statusCode())
                .as("the revoker's own session").isEqualTo(200);
    }

    @Test
    void rolesFromMetadataPublicOpenTheWebXmlConstraintAndTheEnterpriseBean() throws Exception {
        KratosTestClient.Registered admin = KRATOS.register(List.of("admin"));
        KratosTestClient.Registered plain = KRATOS.register();

        HttpResponse<String> adminPage = app().get("admin.xhtml", "X-Session-Token", admin.sessionToken());
        assertThat(adminPage.statusCode()).as("admin.xhtml, an administrator: %s", adminPage.body()).isEqualTo(200);
        assertThat(adminPage.body()).as("what the @RolesAllowed(admin) enterprise bean said")
                .contains("Only administrators read this. You are " + admin.identityId() + ", in the admin role.");
        HttpResponse<String> adminServlet = app().get("servlet/admin", "X-Session-Token", admin.sessionToken());
        assertThat(adminServlet.statusCode()).as("/servlet/admin (web.xml role admin): %s", adminServlet.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(adminServlet.body()).getBoolean("admin")).as("isUserInRole(admin)").isTrue();
        assertThat(app().get("account.xhtml", "X-Session-Token", admin.sessionToken()).body())
                .as("isCallerInRole(admin)").contains("<dd id=\"administrator\">yes</dd>");

        HttpResponse<String> refusedPage = app().get("admin.xhtml", "X-Session-Token", plain.sessionToken());
        assertThat(refusedPage.statusCode()).as("admin.xhtml without the role: the bean refuses: %s", refusedPage.body())
                .isEqualTo(403);
        assertThat(refusedPage.body()).doesNotContain("Only administrators read this");
        assertThat(app().get("servlet/admin", "X-Session-Token", plain.sessionToken()).statusCode())
                .as("/servlet/admin without the role: the container refuses").isEqualTo(403);
    }

    @Test
    void aPageThatNeedsASecondFactorSendsAnAal1SessionToStepUpAndOpensAfterIt() throws Exception {
        KratosStepUp stepUp = new KratosStepUp();
        KratosTestClient.Registered user = KRATOS.register();
        String secret = stepUp.setUpTotp(user);
        KratosStepUp.Login aal1 = stepUp.passwordLogin(user);
        HttpCookie cookie = KRATOS.browserLogin(user);
        URI page = app().uri("second-factor.xhtml");

        RawRequest.Answer browser = RawRequest.get(page).asBrowserNavigation().header("Cookie", cookieHeader(cookie)).send();
        assertThat(browser.status()).as("aal1 browser session: %s", browser.body()).isEqualTo(303);
        assertThat(browser.header("Location")).hasValue(ExpectedLogin.of(RealKratos.publicUrl(), "aal=aal2", page.toString()));

        HttpResponse<String> api = app().get("second-factor.xhtml", "X-Session-Token", aal1.sessionToken());
        assertThat(api.statusCode()).as("aal1 token: %s", api.body()).isEqualTo(403);
        JsonObject body = KratosTestClient.parse(api.body());
        assertThat(body.getJsonObject("error").getString("id")).isEqualTo("session_aal2_required");
        assertThat(body.getString("redirect_browser_to")).startsWith(RealKratos.publicUrl() + "/self-service/login/browser?aal=aal2");
        assertThat(app().get("account.xhtml", "X-Session-Token", aal1.sessionToken()).statusCode())
                .as("a page without the requirement, same session").isEqualTo(200);

        stepUp.stepUpToAal2(aal1.sessionToken(), secret);
        HttpResponse<String> after = app().get("second-factor.xhtml", "X-Session-Token", aal1.sessionToken());
        assertThat(after.statusCode()).as("the same token after the TOTP step-up: %s", after.body()).isEqualTo(200);
        assertThat(after.body()).contains("<dd id=\"aal\">aal2</dd>");
    }

    @Test
    void aServletThatNeedsARecentSignInRefusesAStaleSession() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        HttpResponse<String> fresh = app().get("servlet/me/recent", "X-Session-Token", user.sessionToken());
        assertThat(fresh.statusCode()).as("just signed in: %s", fresh.body()).isEqualTo(200);
        HttpCookie cookie = KRATOS.browserLogin(user);
        Instant stale = Instant.now().plusSeconds(SensitiveResource.RECENT_SECONDS).plusMillis(1500);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), stale).toMillis()));

        HttpResponse<String> api = app().get("servlet/me/recent", "X-Session-Token", user.sessionToken());
        assertThat(api.statusCode()).as("stale token: %s", api.body()).isEqualTo(403);
        assertThat(KratosTestClient.parse(api.body()).getJsonObject("error").getString("id")).isEqualTo("session_refresh_required");
        URI page = app().uri("servlet/me/recent");
        RawRequest.Answer browser = RawRequest.get(page).asBrowserNavigation().header("Cookie", cookieHeader(cookie)).send();
        assertThat(browser.status()).as("stale browser session: %s", browser.body()).isEqualTo(303);
        assertThat(browser.header("Location")).hasValue(ExpectedLogin.of(RealKratos.publicUrl(), "refresh=true", page.toString()));
        assertThat(app().get("servlet/me", "X-Session-Token", user.sessionToken()).statusCode())
                .as("the same session where age does not matter").isEqualTo(200);
    }

    @Test
    void kratosDownIs503OnProtectedPagesNeverALoginAndNeverLetThrough() throws Exception {
        KratosTestClient.Registered newcomer = KRATOS.register();
        HttpCookie cookie = KRATOS.browserLogin(newcomer);

        RealKratos.stop();
        HttpResponse<String> api = app().get("servlet/me", "X-Session-Token", newcomer.sessionToken());
        assertThat(api.statusCode()).as("/servlet/me while Kratos is down: %s", api.body()).isEqualTo(503);
        assertThat(AppClient.reason(api)).isEqualTo("kratos_unavailable");
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        RawRequest.Answer browser = RawRequest.get(app().uri("account.xhtml")).asBrowserNavigation()
                .header("Cookie", cookieHeader(cookie)).send();
        assertThat(browser.status()).as("a browser while Kratos is down: no login can cure it: %s", browser.body()).isEqualTo(503);
        assertThat(browser.body()).doesNotContain(newcomer.email());
        assertThat(app().get("api/public").statusCode()).as("open resources keep working").isEqualTo(200);

        RealKratos.start();
        int status = 0;
        for (int attempt = 0; attempt < 100 && status != 200; attempt++) {
            status = app().get("servlet/me", "X-Session-Token", newcomer.sessionToken()).statusCode();
            assertThat(status).as("while the circuit breaker lets Kratos back in").isIn(200, 503);
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertThat(status).as("the same session once Kratos is back").isEqualTo(200);
    }

    private AppClient app() {
        return new AppClient(base);
    }

    private static String cookieHeader(HttpCookie cookie) {
        return cookie.getName() + "=" + cookie.getValue();
    }
}
