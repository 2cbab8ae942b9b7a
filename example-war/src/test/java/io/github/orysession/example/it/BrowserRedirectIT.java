package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * Unauthenticated requests by kind, over raw HTTP against the example on a real server: a browser navigation is
 * sent to Kratos's browser login with {@code return_to} = the page asked for, an API request keeps the 401 JSON,
 * and no forged {@code Host}, {@code X-Forwarded-Host}, {@code Forwarded} or encoded CR/LF turns the way back into
 * anything but the page itself or the configured default.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
@Tag(TargetServer.COMPAT)
class BrowserRedirectIT {

    private static final String PAGE = "api/me?tab=2&next=%2Forders";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @Test
    void aBrowserNavigationWithoutASessionIsSentToKratossLoginBackToThePage() throws Exception {
        URI page = app().uri(PAGE);
        for (String method : new String[] {"GET", "HEAD"}) {
            RawRequest.Answer answer = RawRequest.of(page, method, page.getRawPath() + "?" + page.getRawQuery())
                    .asBrowserNavigation().send();

            assertThat(answer.status()).as("%s %s as a browser: %s", method, page, answer.body()).isEqualTo(303);
            assertThat(answer.header("Location")).as("%s: Location", method)
                    .contains(ExpectedLogin.of(RealKratos.publicUrl(), null, page.toString()));
            assertThat(answer.header("Cache-Control")).as("%s: a redirect that depends on the session", method).contains("no-store");
        }
    }

    @Test
    void aBrowserWithAnUnknownSessionCookieIsSentToTheLoginToo() throws Exception {
        URI page = app().uri("api/me");
        RawRequest.Answer answer = RawRequest.get(page).asBrowserNavigation()
                .header("Cookie", "ory_kratos_session=MTcwMDAwMDAwMHxmb3JnZWR8").send();

        assertThat(answer.status()).as("forged cookie, browser: %s", answer.body()).isEqualTo(303);
        assertThat(answer.header("Location")).contains(ExpectedLogin.of(RealKratos.publicUrl(), null, page.toString()));
    }

    @Test
    void apiRequestsKeepThe401Json() throws Exception {
        URI page = app().uri("api/me");
        String html = "text/html,application/xhtml+xml,*/*;q=0.8";
        String[][] apiClients = {
                {"Accept", "application/json"},
                {"Accept", "*/*"},
                {"Accept", html, "X-Requested-With", "XMLHttpRequest"},
                {"Accept", html, "Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty"},
                {"Accept", html, "X-Session-Token", "ory_st_notARealTokenNotARealToken0123"},
                {"Accept", html, "Authorization", "Bearer ory_st_notARealTokenNotARealToken0123"},
        };
        for (String[] headers : apiClients) {
            RawRequest request = RawRequest.get(page);
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            RawRequest.Answer answer = request.send();

            String who = String.join(" ", headers);
            assertThat(answer.status()).as("%s: %s", who, answer.body()).isEqualTo(401);
            assertThat(answer.header("Location")).as("%s: no redirect", who).isEmpty();
            assertThat(answer.header("Content-Type")).as("%s", who).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            JsonObject error = KratosTestClient.parse(answer.body()).getJsonObject("error");
            assertThat(error.getString("reason")).as("%s: reason", who).isIn("no_credentials", "invalid_session");
        }
    }

    @Test
    void aForgedHostFallsBackToTheDefault() throws Exception {
        URI page = app().uri(PAGE);
        int port = page.getPort();
        for (String host : new String[] {"evil.example:" + port, "127.0.0.1.evil.example:" + port, "localhost:" + port,
                "evil.example"}) {
            RawRequest.Answer answer = RawRequest.get(page).header("Host", host).asBrowserNavigation().send();

            assertThat(answer.status()).as("Host: %s: %s", host, answer.body()).isEqualTo(303);
            assertThat(answer.header("Location")).as("Host: %s: the default, never the request's host", host)
                    .contains(ExpectedLogin.of(RealKratos.publicUrl(), null, ExpectedLogin.defaultReturnUrl()));
        }
    }

    @Test
    void aForgedForwardedHostNeverBecomesTheWayBack() throws Exception {
        URI page = app().uri(PAGE);
        String[][] forgeries = {
                {"X-Forwarded-Host", "evil.example"},
                {"X-Forwarded-Proto", "https"},
                {"X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443"},
                {"Forwarded", "host=evil.example;proto=https"},
        };
        for (String[] headers : forgeries) {
            RawRequest request = RawRequest.get(page).asBrowserNavigation();
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            RawRequest.Answer answer = request.send();

            String forgery = String.join(" ", headers);
            assertThat(answer.status()).as("%s: %s", forgery, answer.body()).isEqualTo(303);
            // Servers that ignore a forwarded header build the real page's URL (Payara Micro and Open Liberty ignore
            // X-Forwarded-Host); one that honours it builds another (Open Liberty honours X-Forwarded-Proto: an https
            // URL), which the allow-list must turn into the default.
            assertThat(ExpectedLogin.returnToOf(answer.header("Location").orElseThrow()))
                    .as("%s: return_to is the page asked for or the default", forgery)
                    .isIn(page.toString(), ExpectedLogin.defaultReturnUrl());
        }
    }

    @Test
    void anAbsoluteFormRequestTargetNamingAnotherHostNeverBecomesTheWayBack() throws Exception {
        URI page = app().uri(PAGE);
        RawRequest.Answer answer = RawRequest.of(page, "GET", "http://evil.example" + page.getRawPath() + "?" + page.getRawQuery())
                .asBrowserNavigation().send();

        if (answer.status() == 303) {
            assertThat(ExpectedLogin.returnToOf(answer.header("Location").orElseThrow()))
                    .as("absolute-form target: return_to").isIn(page.toString(), ExpectedLogin.defaultReturnUrl());
        } else {
            assertThat(answer.status()).as("absolute-form target refused by the server: %s", answer.body()).isBetween(400, 499);
        }
    }

    @Test
    void encodedCrLfInThePageFallsBackToTheDefaultAndInjectsNoHeader() throws Exception {
        URI page = app().uri("api/me?x=%0d%0aSet-Cookie:%20injected=1");
        RawRequest.Answer answer = RawRequest.get(page).asBrowserNavigation().send();

        assertThat(answer.status()).as("encoded CR/LF in the page: %s", answer.body()).isEqualTo(303);
        assertThat(answer.all("Location")).as("exactly one Location, the default")
                .containsExactly(ExpectedLogin.of(RealKratos.publicUrl(), null, ExpectedLogin.defaultReturnUrl()));
        assertThat(answer.all("Set-Cookie")).as("no injected header").noneMatch(v -> v.contains("injected"));
    }

    private AppClient app() {
        return new AppClient(base);
    }
}
