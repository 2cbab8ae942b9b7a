package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
 * The session cache on a real server against the real Kratos, counting the whoami calls at Kratos itself.
 * The integration tests run with a short TTL ({@code it.cache.ttl.ms}, 3 s) so that the bound is seen quickly, and
 * the default memory of Kratos's {@code 401} (5 s).
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
@Tag(TargetServer.COMPAT)
class SessionCacheIT {

    private static final KratosTestClient KRATOS = new KratosTestClient();
    private static final Duration TTL = Duration.ofMillis(Long.getLong("it.cache.ttl.ms", 3000));
    /** The library's default memory of a 401 ({@code ory.session.cache.rejection-ttl-ms}). */
    private static final Duration REJECTION_TTL = Duration.ofSeconds(5);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @Test
    void repeatedRequestsWithinTheTtlAskKratosOnce() throws Exception {
        AppClient app = new AppClient(base);
        KratosTestClient.Registered user = KRATOS.register();
        long before = KratosLog.whoamiCallsFromApplications();

        long started = System.nanoTime();
        int requests = 0;
        // Well inside the TTL, so that every request after the first is a hit.
        while (System.nanoTime() - started < TTL.dividedBy(3).toNanos()) {
            HttpResponse<String> response = app.get("api/me", "X-Session-Token", user.sessionToken());
            assertThat(response.statusCode()).as("request %s: %s", requests, response.body()).isEqualTo(200);
            requests++;
        }

        assertThat(requests).as("requests made").isGreaterThan(5);
        assertThat(KratosLog.whoamiCallsFromApplications() - before)
                .as("whoami calls Kratos received for %s requests with one session", requests).isEqualTo(1);
    }

    @Test
    void anEntryIsAskedAgainOnceTheTtlIsOver() throws Exception {
        AppClient app = new AppClient(base);
        KratosTestClient.Registered user = KRATOS.register();
        long before = KratosLog.whoamiCallsFromApplications();

        assertThat(app.get("api/me", "X-Session-Token", user.sessionToken()).statusCode()).isEqualTo(200);
        Thread.sleep(TTL.plusMillis(300).toMillis());
        assertThat(app.get("api/me", "X-Session-Token", user.sessionToken()).statusCode()).isEqualTo(200);

        assertThat(KratosLog.whoamiCallsFromApplications() - before).as("one call, then one more after the TTL").isEqualTo(2);
    }

    @Test
    void aThousandRequestsWithOneJunkTokenCauseAHandfulOfWhoamiCalls() throws Exception {
        AppClient app = new AppClient(base);
        String junk = "ory_st_junkJunkJunkJunkJunkJunkJunk" + Long.toHexString(System.nanoTime()).substring(0, 4);
        long before = KratosLog.whoamiCallsFromApplications();

        long started = System.nanoTime();
        List<Future<Integer>> statuses = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 1_000; i++) {
                statuses.add(clients.submit(() -> app.get("api/me", "X-Session-Token", junk).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS)).as("a junk token").isEqualTo(401);
            }
        } finally {
            clients.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // One call, then one more each time the memory of Kratos's 401 ends (5 s by default) while requests go on.
        long allowed = 1 + took.toMillis() / REJECTION_TTL.toMillis();
        assertThat(KratosLog.whoamiCallsFromApplications() - before)
                .as("whoami calls Kratos received for 1,000 requests with one junk token in %s", took)
                .isBetween(1L, allowed);
    }

    @Test
    void aRequestBetweenTheBrowserLogoutUrlAndTheLogoutDoesNotKeepTheSessionCached() throws Exception {
        AppClient app = new AppClient(base);
        HttpCookie cookie = KRATOS.browserLogin(KRATOS.register());
        String sessionCookie = cookie.getName() + "=" + cookie.getValue();
        assertThat(app.get("api/me", "Cookie", sessionCookie).statusCode()).as("cached").isEqualTo(200);

        HttpResponse<String> flow = app.get("api/sessions/logout-url", "Cookie", sessionCookie);
        assertThat(flow.statusCode()).as("the logout URL: %s", flow.body()).isEqualTo(200);
        URI logoutUrl = URI.create(KratosTestClient.parse(flow.body()).getString("logout_url"));
        Secrets.remember(KratosTestClient.parse(flow.body()).getString("logout_token"));
        long inBetween = System.nanoTime();
        assertThat(app.get("api/me", "Cookie", sessionCookie).statusCode()).as("before the browser follows it").isEqualTo(200);
        assertThat(KRATOS.browserGet(logoutUrl, cookie).statusCode()).as("the browser follows the logout URL").isIn(302, 303, 204);
        HttpResponse<String> after = app.get("api/me", "Cookie", sessionCookie);
        Duration since = Duration.ofNanos(System.nanoTime() - inBetween);

        assertThat(since).as("the logout happened well inside the TTL of %s", TTL).isLessThan(TTL.dividedBy(2));
        assertThat(after.statusCode()).as("the logged-out cookie, after a request in between: %s", after.body()).isEqualTo(401);
    }

    @Test
    void aSessionRevokedThroughTheLibraryIsRefusedAtOnce() throws Exception {
        AppClient app = new AppClient(base);
        KratosTestClient.Registered user = KRATOS.register();
        KratosTestClient.Login other = KRATOS.login(user);
        assertThat(app.get("api/me", "X-Session-Token", other.sessionToken()).statusCode()).as("cached").isEqualTo(200);

        HttpResponse<String> revoke = app.send("DELETE", "api/sessions/" + other.sessionId(),
                "X-Session-Token", user.sessionToken());
        long revokedAt = System.nanoTime();
        HttpResponse<String> after = app.get("api/me", "X-Session-Token", other.sessionToken());
        Duration since = Duration.ofNanos(System.nanoTime() - revokedAt);

        assertThat(revoke.statusCode()).as("revoke through the library: %s", revoke.body()).isEqualTo(204);
        assertThat(since).as("asked again well inside the TTL of %s", TTL).isLessThan(TTL.dividedBy(2));
        assertThat(after.statusCode()).as("the revoked session, cached a moment before: %s", after.body()).isEqualTo(401);
        assertThat(app.get("api/me", "X-Session-Token", user.sessionToken()).statusCode()).as("the revoker's own session")
                .isEqualTo(200);
    }

    @Test
    void aTokenLoggedOutThroughTheLibraryIsRefusedAtOnce() throws Exception {
        AppClient app = new AppClient(base);
        KratosTestClient.Login login = KRATOS.login(KRATOS.register());
        assertThat(app.get("api/me", "X-Session-Token", login.sessionToken()).statusCode()).as("cached").isEqualTo(200);

        HttpResponse<String> logout = app.send("DELETE", "api/sessions/current", "X-Session-Token", login.sessionToken());
        long loggedOutAt = System.nanoTime();
        HttpResponse<String> after = app.get("api/me", "X-Session-Token", login.sessionToken());
        Duration since = Duration.ofNanos(System.nanoTime() - loggedOutAt);

        assertThat(logout.statusCode()).as("logout through the library: %s", logout.body()).isEqualTo(204);
        assertThat(since).as("asked again well inside the TTL of %s", TTL).isLessThan(TTL.dividedBy(2));
        assertThat(after.statusCode()).as("the logged-out token, cached a moment before: %s", after.body()).isEqualTo(401);
    }
}
