package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * The server side of the example's pages over plain HTTP, against the real Kratos: the login, registration and
 * settings pages start a Kratos flow with an allow-listed {@code return_to} (also for an unknown flow id), render a
 * real flow as a form posting to Kratos, refuse to loop when Kratos's anti-CSRF cookie never arrives; the sessions
 * page's and the logout's posts are refused cross-site and work same-origin (checked with Kratos); a trait holding
 * markup is escaped; Kratos's errors and the library's are readable pages. Deployed on the fixed port that Kratos's
 * UI and return URLs point at ({@code fixed-port}), so that Kratos accepts the logout's {@code return_to}.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class PagesIT {

    private static final KratosTestClient KRATOS = new KratosTestClient();
    private static final HttpClient HTTP = TestHttp.client();

    /** Only to wait for the deployment: the pages are where Kratos sends browsers, {@link ExampleDeployment#fixedPortApp()}. */
    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    @TargetsContainer("fixed-port")
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @Test
    void withoutAFlowThePagesStartOneAtKratosWithAnAllowListedReturnTo() throws Exception {
        String dashboard = pages().uri("dashboard").toString();

        assertRedirect(pages().get("login"), ExpectedLogin.of(RealKratos.publicUrl(), null, dashboard), "login");
        assertRedirect(pages().get("login?aal=aal2&refresh=maybe&return_to=" + encode("https://evil.example/")),
                ExpectedLogin.of(RealKratos.publicUrl(), "aal=aal2", ExpectedLogin.defaultReturnUrl()),
                "a refused return_to is replaced by the default, aal kept, an unknown refresh value dropped");
        assertRedirect(pages().get("login?refresh=true&return_to=" + encode(pages().uri("sessions").toString())),
                ExpectedLogin.of(RealKratos.publicUrl(), "refresh=true", pages().uri("sessions").toString()),
                "an allowed return_to, refresh kept");
        assertRedirect(pages().get("registration"),
                RealKratos.publicUrl() + "/self-service/registration/browser?return_to=" + encode(dashboard), "registration");
        assertRedirect(pages().get("settings"), RealKratos.publicUrl() + "/self-service/settings/browser",
                "settings: no return_to, so that Kratos shows what was saved");
    }

    @Test
    void anUnknownOrMalformedFlowIdStartsANewFlow() throws Exception {
        String dashboard = pages().uri("dashboard").toString();

        assertRedirect(pages().get("login?flow=" + UUID.randomUUID()),
                ExpectedLogin.of(RealKratos.publicUrl(), null, dashboard), "login, unknown flow");
        assertRedirect(pages().get("registration?flow=" + encode("../../admin<script>")),
                RealKratos.publicUrl() + "/self-service/registration/browser?return_to=" + encode(dashboard),
                "registration, malformed flow id");
        assertRedirect(pages().get("settings?flow=" + UUID.randomUUID()),
                RealKratos.publicUrl() + "/self-service/settings/browser", "settings, unknown flow");
    }

    @Test
    void aKratosFlowIsRenderedAsAFormThatPostsToKratos() throws Exception {
        BrowserFlow flow = browserLoginFlow();

        HttpResponse<String> page = pages().get("login?flow=" + flow.id(),
                "Cookie", "app_preference=dark; " + flow.csrfCookie());

        assertThat(page.statusCode()).as("the login page with its flow: %s", page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).as("the form posts straight to Kratos")
                .contains("<form method=\"post\" action=\"" + RealKratos.publicUrl() + "/self-service/login?flow=" + flow.id() + "\">")
                .contains("<input type=\"hidden\" name=\"csrf_token\" value=\"")
                .contains("name=\"identifier\"").contains("type=\"password\"")
                .contains("<button type=\"submit\" name=\"method\" value=\"password\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).as("CSP")
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'")
                        .contains("form-action 'self' " + RealKratos.publicUrl()));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void withoutKratosCsrfCookieTheFlowIsRestartedOnceThenExplained() throws Exception {
        BrowserFlow flow = browserLoginFlow();

        HttpResponse<String> first = pages().get("login?flow=" + flow.id());
        assertThat(first.statusCode()).as("no anti-CSRF cookie: %s", first.body()).isEqualTo(303);
        assertThat(PageClient.location(first)).startsWith(RealKratos.publicUrl() + "/self-service/login/browser");
        String marker = first.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("example_flow_retry=1"))
                .findFirst().orElseThrow(() -> new AssertionError("no restart marker: " + first.headers().map()));

        HttpResponse<String> again = pages().get("login?flow=" + flow.id(), "Cookie", marker.substring(0, marker.indexOf(';')));
        assertThat(again.statusCode()).as("the second time in a minute: a page, not another restart").isEqualTo(403);
        assertThat(again.body()).contains("Cookies needed").contains("anti-CSRF cookie");
    }

    @Test
    void theSessionsPagePostsAreRefusedCrossSiteAndWorkSameOrigin() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        HttpCookie browser = KRATOS.browserLogin(user);
        KratosTestClient.Login other = KRATOS.login(user);
        String cookie = browser.getName() + "=" + browser.getValue();
        String form = "id=" + other.sessionId();

        List<String[]> forgeries = List.of(
                new String[] {"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"},
                new String[] {"Origin", "http://127.0.0.1:1", "Sec-Fetch-Site", "same-site"},
                new String[] {"Origin", pages().origin(), "Sec-Fetch-Site", "cross-site"},
                new String[] {"Origin", "https://evil.example"},
                new String[] {"Origin", "null"},
                new String[] {});
        for (String[] headers : forgeries) {
            String[] all = withCookie(cookie, headers);
            for (String[] post : new String[][] {{"sessions/revoke", form}, {"sessions/revoke-others", ""}, {"logout", ""}}) {
                HttpResponse<String> response = pages().post(post[0], post[1], all);
                assertThat(response.statusCode()).as("POST %s with %s: %s", post[0], List.of(headers), response.body())
                        .isEqualTo(403);
                assertThat(response.body()).as("POST %s: an HTML page", post[0]).contains("Request refused");
            }
        }
        assertThat(KRATOS.whoamiStatus(other.sessionToken())).as("the other session after the forgeries").isEqualTo(200);
        assertThat(KRATOS.whoamiStatus(browser)).as("the browser's session after the forgeries").isEqualTo(200);

        HttpResponse<String> revoked = pages().post("sessions/revoke", form, withCookie(cookie, sameOrigin()));
        assertThat(revoked.statusCode()).as("same-origin revoke: %s", revoked.body()).isEqualTo(303);
        assertThat(PageClient.location(revoked)).isEqualTo(pages().uri("sessions?done=revoked").toString());
        assertThat(KRATOS.whoamiStatus(other.sessionToken())).as("the other session, revoked through the page").isEqualTo(401);
        HttpResponse<String> list = pages().get("sessions?done=revoked", "Cookie", cookie);
        assertThat(list.statusCode()).as("the sessions page: %s", list.body()).isEqualTo(200);
        assertThat(list.body()).contains("That session is signed out.").doesNotContain(other.sessionId());
    }

    @Test
    void theCurrentSessionCannotBeRevokedFromTheListButCanLogOut() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        HttpCookie browser = KRATOS.browserLogin(user);
        String cookie = browser.getName() + "=" + browser.getValue();
        String currentId = KratosTestClient.parse(new AppClient(ExampleDeployment.fixedPortApp().toURL()).get("api/me", "Cookie", cookie).body()).getString("session_id");

        HttpResponse<String> refused = pages().post("sessions/revoke", "id=" + currentId, withCookie(cookie, sameOrigin()));
        assertThat(PageClient.location(refused)).as("Kratos refuses to revoke the current session")
                .isEqualTo(pages().uri("sessions?done=refused").toString());
        assertThat(KRATOS.whoamiStatus(browser)).isEqualTo(200);

        HttpResponse<String> logout = pages().post("logout", "", withCookie(cookie, sameOrigin()));
        assertThat(logout.statusCode()).as("logout: %s", logout.body()).isEqualTo(303);
        URI logoutUrl = URI.create(PageClient.location(logout));
        assertThat(logoutUrl.toString()).as("Kratos's logout URL").startsWith(RealKratos.publicUrl() + "/self-service/logout?");
        assertThat(ExpectedLogin.returnToOf(logoutUrl.toString())).as("back to the start page afterwards")
                .isEqualTo(pages().uri("").toString());
        String query = logoutUrl.getRawQuery();
        Secrets.remember(query.replaceAll(".*(?:^|&)token=([^&]+).*", "$1"));

        HttpResponse<String> atKratos = KRATOS.browserGet(logoutUrl, browser);
        assertThat(atKratos.statusCode()).as("Kratos logs out: %s", atKratos.body()).isEqualTo(303);
        assertThat(atKratos.headers().firstValue("Location")).hasValue(pages().uri("").toString());
        assertThat(KRATOS.whoamiStatus(browser)).as("the browser session after the logout").isEqualTo(401);
    }

    @Test
    void aTraitHoldingMarkupIsEscaped() throws Exception {
        String name = "<script>alert('pwned')</script> & \"friends\"";
        KratosTestClient.Registered user = KRATOS.registerNamed(name);
        HttpCookie browser = KRATOS.browserLogin(user);

        HttpResponse<String> dashboard = pages().get("dashboard", "Cookie", browser.getName() + "=" + browser.getValue());

        assertThat(dashboard.statusCode()).as("dashboard: %s", dashboard.body()).isEqualTo(200);
        assertThat(dashboard.body()).as("the name trait, escaped")
                .contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; &quot;friends&quot;")
                .doesNotContain("<script>").contains(user.email());
    }

    @Test
    void errorsAreReadablePages() throws Exception {
        HttpResponse<String> stub = pages().get("error?id=stub:500");
        assertThat(stub.statusCode()).as("Kratos's stub error: %s", stub.body()).isEqualTo(200);
        assertThat(stub.body()).contains("Something went wrong").contains("This is a stub error.");
        assertThat(pages().get("error?id=" + UUID.randomUUID()).statusCode()).as("an unknown error id").isEqualTo(404);

        HttpResponse<String> anonymousPost = pages().post("sessions/revoke-others", "", sameOrigin());
        assertThat(anonymousPost.statusCode()).as("a form posted without a session").isEqualTo(401);
        assertThat(anonymousPost.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(anonymousPost.body()).as("the library's 401 as a page").contains("Please sign in").doesNotContain("\"error\"");

        HttpResponse<String> dashboard = pages().get("dashboard");
        assertThat(dashboard.statusCode()).as("the dashboard without a session, as a browser").isEqualTo(303);
        assertThat(PageClient.location(dashboard))
                .isEqualTo(ExpectedLogin.of(RealKratos.publicUrl(), null, pages().uri("dashboard").toString()));
    }

    /** A browser login flow made at Kratos: its id and the anti-CSRF cookie Kratos bound it to. */
    private record BrowserFlow(String id, String csrfCookie) {
    }

    private static BrowserFlow browserLoginFlow() throws Exception {
        HttpResponse<Void> start = HTTP.send(HttpRequest.newBuilder(
                RealKratos.publicUrl().resolve("/self-service/login/browser")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(start.statusCode()).as("Kratos starts a browser flow").isEqualTo(303);
        String location = PageClient.location(start);
        assertThat(location).as("Kratos sends the browser to the example's login page")
                .startsWith(RealKratos.appUrl() + "/login?flow=");
        String csrf = start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("csrf_token_"))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("Kratos set no anti-CSRF cookie: " + start.headers().map()));
        return new BrowserFlow(location.substring(location.indexOf("flow=") + 5), csrf);
    }

    private String[] sameOrigin() {
        return new String[] {"Origin", pages().origin(), "Sec-Fetch-Site", "same-origin"};
    }

    private static String[] withCookie(String cookie, String[] headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Cookie";
        all[1] = cookie;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    private static void assertRedirect(HttpResponse<String> response, String expected, String what) {
        assertThat(response.statusCode()).as("%s: %s", what, response.body()).isEqualTo(303);
        assertThat(PageClient.location(response)).as(what).isEqualTo(expected);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private PageClient pages() {
        return new PageClient(ExampleDeployment.fixedPortApp());
    }
}
