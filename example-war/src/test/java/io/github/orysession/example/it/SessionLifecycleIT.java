package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * Session management through the example's {@code /api/sessions} ({@code MySessions}) and {@code /api/admin}
 * ({@code SessionAdmin}) endpoints, on a real server against the real Kratos: every operation, checked against what
 * Kratos itself then says about the sessions involved.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
@Tag(TargetServer.COMPAT)
class SessionLifecycleIT {

    private static final HttpClient HTTP = TestHttp.client();
    private static final KratosTestClient KRATOS = new KratosTestClient();
    private static KratosTestClient.Registered admin;
    private static KratosTestClient.Registered plain;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @BeforeAll
    static void registerUsers() throws Exception {
        admin = KRATOS.register(List.of("admin"));
        plain = KRATOS.register();
        // The example sends it to Kratos's admin API as a bearer token; it must never appear in a log either.
        Secrets.remember(System.getProperty("kratos.admin.api.key", "test-only-admin-api-key-not-a-secret"));
    }

    @Test
    void listingMyOtherSessionsPagesThroughEachOfThemOnce() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        List<KratosTestClient.Login> logins = logins(user, 6);
        KratosTestClient.Login current = logins.get(0);
        List<String> expected = new ArrayList<>(List.of(user.sessionId()));
        logins.subList(1, logins.size()).forEach(login -> expected.add(login.sessionId()));

        for (int perPage : new int[] {2, 4, 250}) {
            List<String> seen = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                HttpResponse<String> response = send("GET", "api/sessions?per_page=" + perPage
                        + (token == null ? "" : "&page_token=" + encode(token)), current.sessionToken());
                assertThat(response.statusCode()).as("GET /api/sessions page %s of %s: %s", pages, perPage, response.body())
                        .isEqualTo(200);
                JsonObject page = KratosTestClient.parse(response.body());
                List<JsonObject> sessions = page.getJsonArray("sessions").getValuesAs(JsonObject.class);
                assertThat(sessions.size()).as("page size %s", perPage).isLessThanOrEqualTo(perPage);
                sessions.forEach(session -> {
                    seen.add(session.getString("id"));
                    assertThat(session.getBoolean("active")).as("only active sessions are listed").isTrue();
                    assertThat(session.getJsonArray("devices")).as("devices of %s", session.getString("id")).isNotEmpty();
                });
                token = page.isNull("next_page_token") ? null : page.getString("next_page_token");
                pages++;
            } while (token != null && pages < 10);

            assertThat(seen).as("pages of %s: no session twice", perPage).doesNotHaveDuplicates();
            assertThat(seen).as("pages of %s: every other session, never the current one", perPage)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(pages).as("number of pages of %s for %s sessions", perPage, expected.size())
                    .isEqualTo((expected.size() + perPage - 1) / perPage);
        }
    }

    @Test
    void revokingOneOfMySessionsEndsOnlyThatOne() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        List<KratosTestClient.Login> logins = logins(user, 3);

        HttpResponse<String> response = send("DELETE", "api/sessions/" + logins.get(1).sessionId(), logins.get(0).sessionToken());

        assertThat(response.statusCode()).as("DELETE /api/sessions/{id}: %s", response.body()).isEqualTo(204);
        assertThat(KRATOS.whoamiStatus(logins.get(1).sessionToken())).as("the revoked session").isEqualTo(401);
        assertThat(KRATOS.whoamiStatus(logins.get(0).sessionToken())).as("the current session").isEqualTo(200);
        assertThat(KRATOS.whoamiStatus(logins.get(2).sessionToken())).as("another session").isEqualTo(200);
        assertThat(KRATOS.whoamiStatus(user.sessionToken())).as("the registration session").isEqualTo(200);
    }

    @Test
    void revokingTheCurrentSessionIsRefusedWithKratosError() throws Exception {
        KratosTestClient.Login current = KRATOS.login(KRATOS.register());

        HttpResponse<String> response = send("DELETE", "api/sessions/" + current.sessionId(), current.sessionToken());

        assertThat(response.statusCode()).as("revoking the current session: %s", response.body()).isEqualTo(400);
        JsonObject error = KratosTestClient.parse(response.body()).getJsonObject("error");
        assertThat(error.getJsonObject("kratos")).as("Kratos's error is kept: %s", response.body()).isNotNull();
        assertThat(error.getJsonObject("kratos").getInt("code")).as("Kratos's own status").isEqualTo(400);
        assertThat(error.getJsonObject("kratos").getString("message")).as("Kratos's own message")
                .contains("cannot revoke current session");
        assertThat(KRATOS.whoamiStatus(current.sessionToken())).as("the current session still works").isEqualTo(200);
    }

    @Test
    void revokingAllMyOtherSessionsKeepsOnlyTheCurrentOne() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        List<KratosTestClient.Login> logins = logins(user, 3);
        KratosTestClient.Login current = logins.get(1);

        HttpResponse<String> response = send("DELETE", "api/sessions", current.sessionToken());

        assertThat(response.statusCode()).as("DELETE /api/sessions: %s", response.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(response.body()).getInt("revoked")).as("registration + 2 other logins")
                .isEqualTo(3);
        assertThat(KRATOS.whoamiStatus(user.sessionToken())).as("registration session").isEqualTo(401);
        assertThat(KRATOS.whoamiStatus(logins.get(0).sessionToken())).as("first login").isEqualTo(401);
        assertThat(KRATOS.whoamiStatus(logins.get(2).sessionToken())).as("third login").isEqualTo(401);
        assertThat(KRATOS.whoamiStatus(current.sessionToken())).as("the current session").isEqualTo(200);
        HttpResponse<String> others = send("GET", "api/sessions", current.sessionToken());
        assertThat(KratosTestClient.parse(others.body()).getJsonArray("sessions")).as("no other session left: %s",
                others.body()).isEmpty();
    }

    @Test
    void theBrowserLogoutUrlLogsTheBrowserOut() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        HttpCookie cookie = KRATOS.browserLogin(user);

        HttpResponse<String> response = send("GET", "api/sessions/logout-url", null,
                "Cookie", "theme=dark; " + cookie.getName() + "=" + cookie.getValue());

        assertThat(response.statusCode()).as("GET /api/sessions/logout-url: %s", response.body()).isEqualTo(200);
        JsonObject flow = KratosTestClient.parse(response.body());
        String logoutToken = Secrets.remember(flow.getString("logout_token"));
        URI logoutUrl = URI.create(flow.getString("logout_url"));
        assertThat(logoutUrl.toString()).as("Kratos's logout URL")
                .startsWith(RealKratos.publicUrl() + "/self-service/logout?token=").contains(logoutToken);
        assertThat(KRATOS.whoamiStatus(cookie)).as("only a URL so far: still signed in").isEqualTo(200);

        HttpResponse<String> logout = KRATOS.browserGet(logoutUrl, cookie);

        assertThat(logout.statusCode()).as("following the logout URL with the cookie: %s", logout.body()).isIn(303, 302, 204);
        assertThat(KRATOS.whoamiStatus(cookie)).as("the browser session after the logout").isEqualTo(401);
        assertThat(send("GET", "api/me", null, "Cookie", cookie.getName() + "=" + cookie.getValue()).statusCode())
                .as("the example after the logout").isEqualTo(401);
    }

    @Test
    void theBrowserLogoutNeedsTheSessionCookie() throws Exception {
        HttpResponse<String> withToken = send("GET", "api/sessions/logout-url", plain.sessionToken());
        HttpResponse<String> anonymous = send("GET", "api/sessions/logout-url", null);

        assertThat(withToken.statusCode()).as("with a session token: %s", withToken.body()).isEqualTo(400);
        assertThat(AppClient.reason(withToken)).isEqualTo("session_cookie_required");
        assertThat(anonymous.statusCode()).as("without credentials: %s", anonymous.body()).isEqualTo(401);
        assertThat(KRATOS.whoamiStatus(plain.sessionToken())).as("the token is untouched").isEqualTo(200);
    }

    @Test
    void theTokenLogoutRevokesTheToken() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        KratosTestClient.Login login = KRATOS.login(user);

        HttpResponse<String> response = send("DELETE", "api/sessions/current", login.sessionToken());

        assertThat(response.statusCode()).as("DELETE /api/sessions/current: %s", response.body()).isEqualTo(204);
        assertThat(KRATOS.whoamiStatus(login.sessionToken())).as("the logged-out token").isEqualTo(401);
        assertThat(send("GET", "api/me", login.sessionToken()).statusCode()).as("the example with that token").isEqualTo(401);
        assertThat(KRATOS.whoamiStatus(user.sessionToken())).as("the user's other session").isEqualTo(200);
    }

    @Test
    void theTokenLogoutNeedsASessionToken() throws Exception {
        HttpCookie cookie = KRATOS.browserLogin(plain);

        HttpResponse<String> withCookie = send("DELETE", "api/sessions/current", null,
                "Cookie", cookie.getName() + "=" + cookie.getValue());
        HttpResponse<String> anonymous = send("DELETE", "api/sessions/current", null);

        assertThat(withCookie.statusCode()).as("with the session cookie: %s", withCookie.body()).isEqualTo(400);
        assertThat(AppClient.reason(withCookie)).isEqualTo("session_token_required");
        assertThat(anonymous.statusCode()).as("without credentials: %s", anonymous.body()).isEqualTo(401);
        assertThat(KRATOS.whoamiStatus(cookie)).as("the browser session is untouched").isEqualTo(200);
    }

    @Test
    void anAdministratorGetsASessionWithItsIdentityAndDevices() throws Exception {
        KratosTestClient.Login login = KRATOS.login(plain);

        HttpResponse<String> response = send("GET", "api/admin/sessions/" + login.sessionId(), admin.sessionToken());

        assertThat(response.statusCode()).as("GET /api/admin/sessions/{id}: %s", response.body()).isEqualTo(200);
        JsonObject session = KratosTestClient.parse(response.body());
        assertThat(session.getString("id")).isEqualTo(login.sessionId());
        assertThat(session.getString("identity_id")).as("the identity").isEqualTo(plain.identityId());
        assertThat(session.getBoolean("active")).isTrue();
        assertThat(session.getJsonArray("devices")).as("devices: %s", response.body()).isNotEmpty();
        assertThat(session.getJsonArray("devices").getJsonObject(0).getString("user_agent")).as("the login's user agent")
                .contains("Java-http-client");
    }

    @Test
    void anAdministratorExtendsASession() throws Exception {
        KratosTestClient.Login login = KRATOS.login(plain);
        Instant before = Instant.parse(KratosTestClient.parse(
                send("GET", "api/admin/sessions/" + login.sessionId(), admin.sessionToken()).body()).getString("expires_at"));
        // Kratos sets expires_at = now + session.lifespan; with session.earliest_possible_extend unset (it defaults to
        // the lifespan) any session can be extended at once. A moment later the new expiry is measurably later.
        Thread.sleep(1_100);

        HttpResponse<String> response = send("PATCH", "api/admin/sessions/" + login.sessionId() + "/extend", admin.sessionToken());

        assertThat(response.statusCode()).as("PATCH /api/admin/sessions/{id}/extend: %s", response.body()).isEqualTo(200);
        Instant after = Instant.parse(KratosTestClient.parse(response.body()).getString("expires_at"));
        assertThat(after).as("expires_at moved later (before: %s)", before).isAfter(before.plusSeconds(1));
        Instant stored = Instant.parse(KratosTestClient.parse(
                send("GET", "api/admin/sessions/" + login.sessionId(), admin.sessionToken()).body()).getString("expires_at"));
        assertThat(stored).as("what Kratos stored").isEqualTo(after);
        assertThat(KRATOS.whoamiStatus(login.sessionToken())).as("the extended session works").isEqualTo(200);
    }

    @Test
    void extendingAnUnknownSessionIsKratosNotFound() throws Exception {
        HttpResponse<String> response = send("PATCH", "api/admin/sessions/" + UUID.randomUUID() + "/extend", admin.sessionToken());

        assertThat(response.statusCode()).as("extending an unknown session: %s", response.body()).isEqualTo(404);
        assertThat(KratosTestClient.parse(response.body()).getJsonObject("error").getJsonObject("kratos").getInt("code"))
                .as("Kratos's error is kept: %s", response.body()).isEqualTo(404);
    }

    @Test
    void anAdministratorListsAnIdentitysSessionsByStatePageByPage() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        List<KratosTestClient.Login> logins = logins(user, 4);
        KRATOS.revoke(logins.get(0).sessionId());
        KRATOS.revoke(logins.get(2).sessionId());
        List<String> inactive = List.of(logins.get(0).sessionId(), logins.get(2).sessionId());
        List<String> active = List.of(user.sessionId(), logins.get(1).sessionId(), logins.get(3).sessionId());
        List<String> all = new ArrayList<>(active);
        all.addAll(inactive);

        assertThat(listIdentity(user.identityId(), "true", 2)).as("active sessions").containsExactlyInAnyOrderElementsOf(active);
        assertThat(listIdentity(user.identityId(), "false", 2)).as("inactive sessions").containsExactlyInAnyOrderElementsOf(inactive);
        assertThat(listIdentity(user.identityId(), null, 2)).as("all sessions, 2 a page").containsExactlyInAnyOrderElementsOf(all);
        assertThat(listIdentity(user.identityId(), null, 250)).as("all sessions, one page").containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void anAdministratorRevokesASessionById() throws Exception {
        KratosTestClient.Login login = KRATOS.login(plain);

        HttpResponse<String> response = send("DELETE", "api/admin/sessions/" + login.sessionId(), admin.sessionToken());

        assertThat(response.statusCode()).as("DELETE /api/admin/sessions/{id}: %s", response.body()).isEqualTo(204);
        assertThat(KRATOS.whoamiStatus(login.sessionToken())).as("the revoked session").isEqualTo(401);
        JsonObject session = KratosTestClient.parse(send("GET", "api/admin/sessions/" + login.sessionId(), admin.sessionToken()).body());
        assertThat(session.getBoolean("active")).as("Kratos keeps it, inactive").isFalse();
        assertThat(KRATOS.whoamiStatus(plain.sessionToken())).as("the identity's other session").isEqualTo(200);

        HttpResponse<String> unknown = send("DELETE", "api/admin/sessions/" + UUID.randomUUID(), admin.sessionToken());
        assertThat(unknown.statusCode()).as("revoking an unknown session: %s", unknown.body()).isEqualTo(404);
    }

    @Test
    void anAdministratorRevokesEverySessionOfAnIdentity() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        List<KratosTestClient.Login> logins = logins(user, 2);

        HttpResponse<String> response = send("DELETE", "api/admin/identities/" + user.identityId() + "/sessions", admin.sessionToken());

        assertThat(response.statusCode()).as("DELETE /api/admin/identities/{id}/sessions: %s", response.body()).isEqualTo(204);
        assertThat(KRATOS.whoamiStatus(user.sessionToken())).as("registration session").isEqualTo(401);
        for (KratosTestClient.Login login : logins) {
            assertThat(KRATOS.whoamiStatus(login.sessionToken())).as("%s", login).isEqualTo(401);
        }
        assertThat(listIdentity(user.identityId(), null, 250)).as("Kratos deleted them").isEmpty();
        HttpResponse<String> again = send("DELETE", "api/admin/identities/" + user.identityId() + "/sessions", admin.sessionToken());
        assertThat(again.statusCode()).as("an identity without sessions is Kratos's 404: %s", again.body()).isEqualTo(404);
        assertThat(KRATOS.whoamiStatus(plain.sessionToken())).as("another identity's session").isEqualTo(200);
    }

    @Test
    void theAdminEndpointsNeedTheAdminRole() throws Exception {
        String session = "api/admin/sessions/" + UUID.randomUUID();
        String identity = "api/admin/identities/" + plain.identityId() + "/sessions";
        String[][] calls = {{"GET", session}, {"PATCH", session + "/extend"}, {"DELETE", session}, {"GET", identity},
                {"DELETE", identity}};

        for (String[] call : calls) {
            HttpResponse<String> forbidden = send(call[0], call[1], plain.sessionToken());
            HttpResponse<String> anonymous = send(call[0], call[1], null);
            assertThat(forbidden.statusCode()).as("%s %s without the admin role: %s", call[0], call[1], forbidden.body())
                    .isEqualTo(403);
            assertThat(AppClient.reason(forbidden)).isEqualTo("missing_role");
            assertThat(anonymous.statusCode()).as("%s %s without a session", call[0], call[1]).isEqualTo(401);
        }
        assertThat(KRATOS.whoamiStatus(plain.sessionToken())).as("nothing was revoked").isEqualTo(200);
    }

    @Test
    void idsThatAreNotUuidsNeverReachKratos() throws Exception {
        HttpResponse<String> admins = send("GET", "api/admin/sessions/not-a-session", admin.sessionToken());
        HttpResponse<String> identity = send("DELETE", "api/admin/identities/not-an-identity/sessions", admin.sessionToken());
        HttpResponse<String> mine = send("DELETE", "api/sessions/not-a-session", plain.sessionToken());
        HttpResponse<String> pageSize = send("GET", "api/sessions?per_page=0", plain.sessionToken());

        assertThat(admins.statusCode()).as("admin get of a non-UUID: %s", admins.body()).isEqualTo(400);
        assertThat(AppClient.reason(admins)).isEqualTo("invalid_session_id");
        assertThat(identity.statusCode()).as("admin revoke-all of a non-UUID: %s", identity.body()).isEqualTo(400);
        assertThat(AppClient.reason(identity)).isEqualTo("invalid_identity_id");
        assertThat(mine.statusCode()).as("revoking a non-UUID: %s", mine.body()).isEqualTo(400);
        assertThat(AppClient.reason(mine)).isEqualTo("invalid_session_id");
        assertThat(pageSize.statusCode()).as("page size 0: %s", pageSize.body()).isEqualTo(400);
        assertThat(AppClient.reason(pageSize)).isEqualTo("invalid_page_size");
    }

    private List<String> listIdentity(String identityId, String active, int perPage) throws Exception {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String path = "api/admin/identities/" + identityId + "/sessions?per_page=" + perPage
                    + (active == null ? "" : "&active=" + active) + (token == null ? "" : "&page_token=" + encode(token));
            HttpResponse<String> response = send("GET", path, admin.sessionToken());
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            JsonObject page = KratosTestClient.parse(response.body());
            page.getJsonArray("sessions").getValuesAs(JsonObject.class).forEach(session -> {
                assertThat(session.getString("identity_id")).as("only this identity's sessions").isEqualTo(identityId);
                seen.add(session.getString("id"));
            });
            token = page.get("next_page_token") == JsonValue.NULL ? null : page.getString("next_page_token");
            pages++;
        } while (token != null && pages < 10);
        assertThat(new HashSet<>(seen)).as("no session twice in %s", seen).hasSameSizeAs(seen);
        return seen;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<KratosTestClient.Login> logins(KratosTestClient.Registered user, int count) throws Exception {
        List<KratosTestClient.Login> logins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logins.add(KRATOS.login(user));
        }
        return logins;
    }

    private HttpResponse<String> send(String method, String path, String token, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Loopback.of(base).resolve(path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("X-Session-Token", token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
