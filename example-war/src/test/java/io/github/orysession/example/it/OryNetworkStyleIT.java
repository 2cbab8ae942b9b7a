package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

import io.github.orysession.test.kratos.KratosTestClient;

/**
 * The example configured for Ory Network exactly as the README says ({@link ExampleVariants#oryNetwork}), against a
 * real Kratos that presents itself as an Ory Network project does ({@link OryNetworkProject}: one project URL for the
 * public API, the admin API behind an API key and the Account Experience's {@code /ui/login}; the session cookie
 * {@code ory_session_<slug>}; {@code Ory-Session-Cache-For}). Every way in is tried: the project's session cookie
 * (and only it goes to Kratos), session tokens, the browser's way to the project's login and back, a user's and an
 * administrator's session management, and what Kratos's cache header does to the library's cache. What an Ory
 * Network project does beyond this (its edge cache, rate limits, custom domains, real API keys) cannot be tried
 * here: see {@code docs/ory-network.md}.
 */
@ExtendWith({ServerLogs.class, OryNetworkProject.class, ArquillianExtension.class})
class OryNetworkStyleIT {

    private static final HttpClient HTTP = TestHttp.client();
    private static final KratosTestClient PROJECT = OryNetworkProject.client();
    private static final String COOKIE = OryNetworkProject.SESSION_COOKIE;
    private static KratosTestClient.Registered admin;
    private static KratosTestClient.Registered user;

    /** Only to wait for the deployment: the application is where the project sends browsers, {@link #app()}. */
    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    @TargetsContainer("fixed-port")
    static WebArchive exampleWar() {
        return ExampleVariants.oryNetwork(OryNetworkProject.APP_NAME + ".war", OryNetworkProject.url(),
                OryNetworkProject.API_KEY, OryNetworkProject.appUrl());
    }

    @BeforeAll
    static void registerUsers() throws Exception {
        admin = PROJECT.register(List.of("admin"));
        user = PROJECT.register();
    }

    @Test
    void theProjectIsARealKratosUnderOryNetworksNames() throws Exception {
        HttpCookie cookie = PROJECT.browserLogin(user);
        assertThat(cookie.getName()).as("the browser login's session cookie").isEqualTo("ory_session_jollyproskuriakovaxe98qw5t8g");

        HttpResponse<String> whoami = HTTP.send(HttpRequest.newBuilder(OryNetworkProject.url().resolve("/sessions/whoami"))
                .header("X-Session-Token", user.sessionToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(whoami.statusCode()).as("whoami at the project URL: %s", whoami.body()).isEqualTo(200);
        assertThat(whoami.headers().firstValue("Ory-Session-Cache-For")).as("Kratos's cache header")
                .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds))
                        .isBetween(1, OryNetworkProject.CACHE_FOR_SECONDS));

        URI adminSession = OryNetworkProject.url().resolve("/admin/sessions/" + user.sessionId() + "?expand=identity");
        HttpResponse<String> withoutKey = HTTP.send(HttpRequest.newBuilder(adminSession).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withKey = HTTP.send(HttpRequest.newBuilder(adminSession)
                .header("Authorization", "Bearer " + OryNetworkProject.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutKey.statusCode()).as("the admin API at the project URL without the API key").isEqualTo(401);
        assertThat(withKey.statusCode()).as("the admin API at the project URL with it: %s", withKey.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(withKey.body()).getJsonObject("identity").getString("id")).isEqualTo(user.identityId());
    }

    @Test
    void theProjectsSessionCookieIsAcceptedAndOnlyItGoesToKratos() throws Exception {
        HttpCookie cookie = PROJECT.browserLogin(user);
        String decoys = "theme=dark; JSESSIONID=decoy-0123; csrf_token_0123456789=decoy-4567";
        OryNetworkProject.proxy().forget();

        HttpResponse<String> response = app().get("api/me", "Cookie",
                decoys + "; " + cookie.getName() + "=" + cookie.getValue() + "; tracking=xyz");

        assertThat(response.statusCode()).as("GET /api/me with the project's session cookie: %s", response.body()).isEqualTo(200);
        JsonObject me = KratosTestClient.parse(response.body());
        assertThat(me.getString("identity_id")).isEqualTo(user.identityId());
        assertThat(me.getString("session_id")).as("the browser login's session, not the registration's").isNotEqualTo(user.sessionId());
        List<ProjectProxy.WhoamiCall> calls = OryNetworkProject.proxy().whoamiCalls();
        List<ProjectProxy.WhoamiCall> withTheCookie = calls.stream()
                .filter(call -> ProjectProxy.digest(cookie.getValue()).equals(call.cookieDigests().get(COOKIE))).toList();
        assertThat(withTheCookie).as("whoami calls with the session cookie: %s", calls).hasSize(1);
        assertThat(withTheCookie.get(0).cookieNames()).as("the cookies the library sent to Kratos").containsExactly(COOKIE);
        assertThat(withTheCookie.get(0).sessionTokenDigest()).as("no session token").isNull();
        assertThat(calls).as("no whoami call carried any other cookie")
                .allSatisfy(call -> assertThat(call.cookieNames()).doesNotContain("theme", "JSESSIONID",
                        "csrf_token_0123456789", "tracking"));
    }

    @Test
    void sessionTokensAreAcceptedAsXSessionTokenAndBearer() throws Exception {
        KratosTestClient.Registered someone = PROJECT.register();
        OryNetworkProject.proxy().forget();

        HttpResponse<String> header = app().get("api/me", "X-Session-Token", someone.sessionToken());
        HttpResponse<String> bearer = app().get("api/me", "Authorization", "Bearer " + someone.sessionToken());
        HttpResponse<String> unknown = app().get("api/me", "X-Session-Token", "ory_st_thisIsNotASessionOfThisProject0123");

        assertThat(header.statusCode()).as("X-Session-Token: %s", header.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(header.body()).getString("session_id")).isEqualTo(someone.sessionId());
        assertThat(bearer.statusCode()).as("Authorization: Bearer: %s", bearer.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(bearer.body()).getString("identity_id")).isEqualTo(someone.identityId());
        assertThat(unknown.statusCode()).as("a token the project does not know: %s", unknown.body()).isEqualTo(401);
        assertThat(AppClient.reason(unknown)).isEqualTo("invalid_session");
        String token = ProjectProxy.digest(someone.sessionToken());
        assertThat(OryNetworkProject.proxy().whoamiCalls()).as("the token reached the project's whoami, without cookies")
                .anySatisfy(call -> {
                    assertThat(token).isIn(call.sessionTokenDigest(), call.bearerDigest());
                    assertThat(call.cookieNames()).isEmpty();
                });
    }

    @Test
    void aBrowserGoesToTheProjectsLoginAndComesBackToThePage() throws Exception {
        URI page = app().uri("api/me?tab=2&next=%2Forders");
        RawRequest.Answer first = RawRequest.get(page).asBrowserNavigation().send();
        assertThat(first.status()).as("a browser without a session: %s", first.body()).isEqualTo(303);
        assertThat(first.header("Location")).as("the Account Experience's login, back to the page")
                .contains(ExpectedLogin.at(OryNetworkProject.url().resolve("/ui/login"), null, page.toString()));

        Jar jar = new Jar();
        List<URI> hops = new ArrayList<>();
        URI at = URI.create(first.header("Location").orElseThrow());
        HttpResponse<String> shown = null;
        while (shown == null && hops.size() < 10) {
            hops.add(at);
            HttpResponse<String> hop = jar.send(HttpRequest.newBuilder(at).header("Accept", "text/html"));
            if (hop.statusCode() == 303 || hop.statusCode() == 302) {
                at = at.resolve(hop.headers().firstValue("Location").orElseThrow());
            } else {
                shown = hop;
            }
        }
        assertThat(shown).as("the redirects end at a page: %s", hops).isNotNull();
        assertThat(shown.statusCode()).as("the login page at %s: %s", at, shown.body()).isEqualTo(200);
        assertThat(at.toString()).as("the example's login page (the Account Experience here), with Kratos's flow; via %s", hops)
                .startsWith(OryNetworkProject.appUrl() + "/login?flow=");
        assertThat(hops).as("Kratos started the flow with the page as return_to").anySatisfy(hop -> {
            assertThat(hop.toString()).startsWith(OryNetworkProject.url() + "/self-service/login/browser?");
            assertThat(ExpectedLogin.returnToOf(hop.toString())).isEqualTo(page.toString());
        });
        assertThat(hops).as("Kratos sent the browser to the project's login UI").anySatisfy(hop ->
                assertThat(hop.toString()).startsWith(OryNetworkProject.url() + "/ui/login?flow="));
        String flowId = at.getQuery().substring("flow=".length());

        HttpResponse<String> signedIn = submitPassword(jar, flowId, user);

        assertThat(signedIn.statusCode()).as("the login form's answer: %s", signedIn.body()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).as("Kratos sends the browser back to the page")
                .hasValue(page.toString());
        assertThat(jar.names()).as("the browser's cookies").contains(COOKIE).doesNotContain("ory_kratos_session");
        Secrets.remember(jar.value(COOKIE));
        HttpResponse<String> back = jar.send(HttpRequest.newBuilder(page)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertThat(back.statusCode()).as("the page with the new cookie: %s", back.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(back.body()).getString("identity_id")).isEqualTo(user.identityId());
    }

    @Test
    void aPersonSignsInThroughTheProjectAndLogsOutInARealBrowser() throws Exception {
        HeadlessChromium.requireInstalled();
        String app = OryNetworkProject.appUrl() + "/";
        KratosTestClient.Registered someone = PROJECT.register();
        // Not among the server logs: chromedriver logs the cookies the test reads, and LogScanIT scans those logs.
        Path logs = Path.of("target", "browser-logs", TargetServer.current().name().toLowerCase(Locale.ROOT), "ory-network");
        ChromeDriver browser = HeadlessChromium.start(logs);
        try {
            browser.get(app + "dashboard");
            HeadlessChromium.await(() -> browser.getCurrentUrl().startsWith(app + "login?flow="),
                    () -> "the login page via the project's /ui/login and Kratos, at " + browser.getCurrentUrl());
            browser.findElement(By.name("identifier")).sendKeys(someone.email());
            browser.findElement(By.name("password")).sendKeys(someone.password());
            browser.findElement(By.cssSelector("button[name='method'][value='password']")).click();
            HeadlessChromium.await(() -> browser.getCurrentUrl().equals(app + "dashboard"),
                    () -> "back at the dashboard after signing in, at " + browser.getCurrentUrl());
            assertThat(browser.findElement(By.tagName("main")).getText()).as("the dashboard shows who signed in")
                    .contains(someone.email()).contains(someone.identityId());
            Cookie session = browser.manage().getCookieNamed(COOKIE);
            assertThat(session).as("the browser's %s cookie", COOKIE).isNotNull();
            Secrets.remember(session.getValue());
            assertThat(browser.manage().getCookieNamed("ory_kratos_session")).as("no self-hosted Kratos cookie").isNull();

            browser.findElement(By.cssSelector("header form[action$='/logout'] button")).click();
            HeadlessChromium.await(() -> browser.getCurrentUrl().equals(app),
                    () -> "the start page after logging out, at " + browser.getCurrentUrl());
            assertThat(PROJECT.whoamiStatus(new HttpCookie(session.getName(), session.getValue())))
                    .as("the project's Kratos on the browser's session after the logout").isEqualTo(401);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aSecondFactorIsAskedForAtTheProjectsLogin() throws Exception {
        HttpCookie cookie = PROJECT.browserLogin(user);
        URI page = app().uri("api/sensitive/aal2");

        RawRequest.Answer browser = RawRequest.get(page).asBrowserNavigation()
                .header("Cookie", cookie.getName() + "=" + cookie.getValue()).send();
        HttpResponse<String> api = app().get("api/sensitive/aal2", "X-Session-Token", user.sessionToken());

        String login = ExpectedLogin.at(OryNetworkProject.url().resolve("/ui/login"), "aal=aal2", page.toString());
        assertThat(browser.status()).as("an aal1 browser session: %s", browser.body()).isEqualTo(303);
        assertThat(browser.header("Location")).hasValue(login);
        assertThat(api.statusCode()).as("an aal1 session token: %s", api.body()).isEqualTo(403);
        assertThat(KratosTestClient.parse(api.body()).getString("redirect_browser_to"))
                .as("the way to the second factor, back to the default page (no Referer)")
                .isEqualTo(ExpectedLogin.at(OryNetworkProject.url().resolve("/ui/login"), "aal=aal2",
                        OryNetworkProject.appUrl() + "/"));
    }

    @Test
    void aUserListsAndRevokesTheirSessionsAndLogsOut() throws Exception {
        KratosTestClient.Registered someone = PROJECT.register();
        KratosTestClient.Login current = PROJECT.login(someone);
        KratosTestClient.Login other = PROJECT.login(someone);
        KratosTestClient.Login third = PROJECT.login(someone);

        HttpResponse<String> listed = app().get("api/sessions", "X-Session-Token", current.sessionToken());
        assertThat(listed.statusCode()).as("GET /api/sessions: %s", listed.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(listed.body()).getJsonArray("sessions").getValuesAs(JsonObject.class))
                .extracting(session -> session.getString("id")).as("the other sessions")
                .containsExactlyInAnyOrder(someone.sessionId(), other.sessionId(), third.sessionId());

        HttpResponse<String> revoked = app().send("DELETE", "api/sessions/" + other.sessionId(),
                "X-Session-Token", current.sessionToken());
        assertThat(revoked.statusCode()).as("DELETE /api/sessions/{id}: %s", revoked.body()).isEqualTo(204);
        assertThat(PROJECT.whoamiStatus(other.sessionToken())).as("the revoked session").isEqualTo(401);
        assertThat(PROJECT.whoamiStatus(third.sessionToken())).as("another one").isEqualTo(200);

        HttpResponse<String> all = app().send("DELETE", "api/sessions", "X-Session-Token", current.sessionToken());
        assertThat(all.statusCode()).as("DELETE /api/sessions: %s", all.body()).isEqualTo(200);
        assertThat(PROJECT.whoamiStatus(third.sessionToken())).as("the third session").isEqualTo(401);
        assertThat(PROJECT.whoamiStatus(someone.sessionToken())).as("the registration's session").isEqualTo(401);
        assertThat(PROJECT.whoamiStatus(current.sessionToken())).as("the current session").isEqualTo(200);

        HttpResponse<String> logout = app().send("DELETE", "api/sessions/current", "X-Session-Token", current.sessionToken());
        assertThat(logout.statusCode()).as("DELETE /api/sessions/current: %s", logout.body()).isEqualTo(204);
        assertThat(PROJECT.whoamiStatus(current.sessionToken())).as("the logged-out token").isEqualTo(401);
        assertThat(app().get("api/me", "X-Session-Token", current.sessionToken()).statusCode())
                .as("the example with that token").isEqualTo(401);
    }

    @Test
    void aBrowserLogsOutThroughTheProject() throws Exception {
        KratosTestClient.Registered someone = PROJECT.register();
        HttpCookie cookie = PROJECT.browserLogin(someone);

        HttpResponse<String> response = app().get("api/sessions/logout-url", "Cookie",
                "theme=dark; " + cookie.getName() + "=" + cookie.getValue());

        assertThat(response.statusCode()).as("GET /api/sessions/logout-url: %s", response.body()).isEqualTo(200);
        JsonObject flow = KratosTestClient.parse(response.body());
        Secrets.remember(flow.getString("logout_token"));
        URI logoutUrl = URI.create(flow.getString("logout_url"));
        assertThat(logoutUrl.toString()).as("Kratos's logout URL, at the project URL")
                .startsWith(OryNetworkProject.url() + "/self-service/logout?token=");
        HttpResponse<String> followed = PROJECT.browserGet(logoutUrl, cookie);
        assertThat(followed.statusCode()).as("following it with the cookie: %s", followed.body()).isIn(303, 302, 204);
        assertThat(PROJECT.whoamiStatus(cookie)).as("the browser session after the logout").isEqualTo(401);
    }

    @Test
    void anAdministratorManagesSessionsWithTheProjectsApiKey() throws Exception {
        KratosTestClient.Registered someone = PROJECT.register();
        KratosTestClient.Login login = PROJECT.login(someone);
        OryNetworkProject.proxy().forget();

        HttpResponse<String> got = admin("GET", "api/admin/sessions/" + login.sessionId());
        assertThat(got.statusCode()).as("GET /api/admin/sessions/{id}: %s", got.body()).isEqualTo(200);
        JsonObject session = KratosTestClient.parse(got.body());
        assertThat(session.getString("identity_id")).isEqualTo(someone.identityId());
        assertThat(session.getJsonArray("devices")).as("devices").isNotEmpty();
        Instant before = Instant.parse(session.getString("expires_at"));

        Thread.sleep(1_100);
        HttpResponse<String> extended = admin("PATCH", "api/admin/sessions/" + login.sessionId() + "/extend");
        assertThat(extended.statusCode()).as("PATCH .../extend: %s", extended.body()).isEqualTo(200);
        assertThat(Instant.parse(KratosTestClient.parse(extended.body()).getString("expires_at")))
                .as("expires_at moved later (before: %s)", before).isAfter(before.plusSeconds(1));

        HttpResponse<String> listed = admin("GET", "api/admin/identities/" + someone.identityId() + "/sessions?active=true");
        assertThat(listed.statusCode()).as("GET /api/admin/identities/{id}/sessions: %s", listed.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(listed.body()).getJsonArray("sessions").getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("id")).containsExactlyInAnyOrder(someone.sessionId(), login.sessionId());

        HttpResponse<String> revoked = admin("DELETE", "api/admin/sessions/" + login.sessionId());
        assertThat(revoked.statusCode()).as("DELETE /api/admin/sessions/{id}: %s", revoked.body()).isEqualTo(204);
        assertThat(PROJECT.whoamiStatus(login.sessionToken())).as("the revoked session").isEqualTo(401);
        assertThat(PROJECT.whoamiStatus(someone.sessionToken())).as("the identity's other session").isEqualTo(200);

        HttpResponse<String> all = admin("DELETE", "api/admin/identities/" + someone.identityId() + "/sessions");
        assertThat(all.statusCode()).as("DELETE /api/admin/identities/{id}/sessions: %s", all.body()).isEqualTo(204);
        assertThat(PROJECT.whoamiStatus(someone.sessionToken())).as("every session of the identity").isEqualTo(401);

        List<ProjectProxy.AdminCall> calls = OryNetworkProject.proxy().adminCalls();
        assertThat(calls).as("the library's admin calls at the project URL")
                .extracting(ProjectProxy.AdminCall::method, ProjectProxy.AdminCall::path)
                .contains(org.assertj.core.groups.Tuple.tuple("PATCH", "/admin/sessions/" + login.sessionId() + "/extend"),
                        org.assertj.core.groups.Tuple.tuple("DELETE", "/admin/sessions/" + login.sessionId()),
                        org.assertj.core.groups.Tuple.tuple("DELETE", "/admin/identities/" + someone.identityId() + "/sessions"));
        assertThat(calls).as("every one with the project's API key").allSatisfy(call ->
                assertThat(call.authorized()).as("%s %s", call.method(), call.path()).isTrue());
    }

    @Test
    void anApiKeyTheProjectNoLongerAcceptsIsABadGatewayNamingNoKey() throws Exception {
        KratosTestClient.Login login = PROJECT.login(user);
        OryNetworkProject.proxy().forget();
        OryNetworkProject.proxy().acceptApiKey("ory_apikey_" + UUID.randomUUID().toString().replace("-", ""));
        HttpResponse<String> refused;
        try {
            refused = admin("GET", "api/admin/sessions/" + login.sessionId());
        } finally {
            OryNetworkProject.proxy().acceptApiKey(OryNetworkProject.API_KEY);
        }

        assertThat(refused.statusCode()).as("the project refuses the key: %s", refused.body()).isEqualTo(502);
        assertThat(AppClient.reason(refused)).isEqualTo("kratos_admin_unauthorized");
        assertThat(refused.body()).as("the answer never shows the key").doesNotContain(OryNetworkProject.API_KEY)
                .doesNotContain("ory_apikey_");
        assertThat(OryNetworkProject.proxy().adminCalls()).as("the library did ask, with its key")
                .anySatisfy(call -> assertThat(call.path()).isEqualTo("/admin/sessions/" + login.sessionId()))
                .allSatisfy(call -> assertThat(call.authorized()).isFalse());
        assertThat(admin("GET", "api/admin/sessions/" + login.sessionId()).statusCode())
                .as("with the key accepted again").isEqualTo(200);
    }

    @Test
    void kratossCacheHeaderBoundsTheLibrarysCache() throws Exception {
        KratosTestClient.Registered someone = PROJECT.register();
        String token = ProjectProxy.digest(someone.sessionToken());
        OryNetworkProject.proxy().forget();

        long start = System.nanoTime();
        assertThat(app().get("api/me", "X-Session-Token", someone.sessionToken()).statusCode()).as("first").isEqualTo(200);
        long firstAnswered = System.nanoTime();
        assertThat(app().get("api/me", "X-Session-Token", someone.sessionToken()).statusCode()).as("second").isEqualTo(200);
        Duration secondAsked = Duration.ofNanos(System.nanoTime() - start);
        assertThat(whoamiCallsWith(token)).as("the second request, %s after the first was sent, is answered from the "
                + "cache (Ory-Session-Cache-For: %s)", secondAsked, OryNetworkProject.CACHE_FOR_SECONDS).isEqualTo(1);
        assertThat(secondAsked).as("the second request came soon enough to expect the cache")
                .isLessThan(Duration.ofSeconds(OryNetworkProject.CACHE_FOR_SECONDS - 1));

        // The entry was stored before the first answer came back: it is gone half a second after Kratos's limit,
        // long before the library's own TTL (30 s in this deployment).
        long due = firstAnswered + Duration.ofMillis(OryNetworkProject.CACHE_FOR_SECONDS * 1000L + 500).toNanos();
        Thread.sleep(Math.max(0, Duration.ofNanos(due - System.nanoTime()).toMillis()));
        assertThat(app().get("api/me", "X-Session-Token", someone.sessionToken()).statusCode()).as("third").isEqualTo(200);
        assertThat(whoamiCallsWith(token)).as("after Kratos's Ory-Session-Cache-For, the library asks Kratos again").isEqualTo(2);
    }

    @Test
    void theReadinessCheckProbesTheProjectsWhoamiWithoutCredentials() throws Exception {
        assumeTrue(TargetServer.current() == TargetServer.PAYARA, "the example's Open Liberty server has no MicroProfile Health");
        OryNetworkProject.proxy().forget();

        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(OryNetworkProject.appUrl().resolve("/health/ready"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(ready.statusCode()).as("readiness: %s", ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("ory-kratos").contains(OryNetworkProject.url().toString());
        assertThat(OryNetworkProject.proxy().whoamiCalls()).as("the probe reached the project's whoami, without credentials")
                .anySatisfy(call -> {
                    assertThat(call.cookieNames()).isEmpty();
                    assertThat(call.sessionTokenDigest()).isNull();
                    assertThat(call.bearerDigest()).isNull();
                });
    }

    private static long whoamiCallsWith(String tokenDigest) {
        return OryNetworkProject.proxy().whoamiCalls().stream()
                .filter(call -> tokenDigest.equals(call.sessionTokenDigest()) || tokenDigest.equals(call.bearerDigest()))
                .count();
    }

    /** Posts the password method to a login flow as the login page's form does, with the flow's anti-CSRF token. */
    private static HttpResponse<String> submitPassword(Jar browser, String flowId, KratosTestClient.Registered who)
            throws Exception {
        HttpResponse<String> flowResponse = browser.send(HttpRequest.newBuilder(OryNetworkProject.url()
                        .resolve("/self-service/login/flows?id=" + flowId)).header("Accept", "application/json"));
        assertThat(flowResponse.statusCode()).as("the login flow: %s", flowResponse.body()).isEqualTo(200);
        JsonObject flow = KratosTestClient.parse(flowResponse.body());
        String csrf = flow.getJsonObject("ui").getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .map(node -> node.getJsonObject("attributes"))
                .filter(attributes -> "csrf_token".equals(attributes.getString("name", "")))
                .map(attributes -> attributes.getString("value")).findFirst().orElseThrow();
        String form = "method=password&identifier=" + encode(who.email()) + "&password=" + encode(who.password())
                + "&csrf_token=" + encode(csrf);
        return browser.send(HttpRequest.newBuilder(URI.create(flow.getJsonObject("ui").getString("action")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /**
     * A browser's cookies, for a walk over loopback, where every host is {@code 127.0.0.1} and Kratos's cookies have
     * {@code Path=/}: each {@code Set-Cookie} is kept by name and sent back as {@code name=value}, as browsers do.
     * (The JDK's {@code CookieManager} takes a {@code Set-Cookie} with {@code Max-Age} for an RFC 2965 cookie and
     * sends it back quoted, with {@code $Version} and {@code $Path}, which no browser does and which the example
     * rightly refuses to pass on to Kratos.)
     */
    private static final class Jar {
        private static final java.util.regex.Pattern EXPIRED =
                java.util.regex.Pattern.compile("(?i);\\s*max-age\\s*=\\s*(0|-\\d+)\\s*(;|$)");
        private final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
            }
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).trim();
                if (EXPIRED.matcher(setCookie).find() || pair.substring(equals + 1).isBlank()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, pair.substring(equals + 1).trim());
                }
            }
            return response;
        }

        List<String> names() {
            return List.copyOf(cookies.keySet());
        }

        String value(String name) {
            return cookies.get(name);
        }
    }

    private HttpResponse<String> admin(String method, String path) throws Exception {
        return app().send(method, path, "X-Session-Token", admin.sessionToken());
    }

    private static AppClient app() {
        return new AppClient(toUrl(OryNetworkProject.appUrl()));
    }

    private static URL toUrl(URI uri) {
        try {
            return uri.toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
