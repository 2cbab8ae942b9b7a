package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * Hostile and odd input gets a clear 4xx (or the session it really carries), never a 5xx, and the server keeps
 * serving. The same table is in docs/failure-behaviour.md ("Hostile input").
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class HostileInputIT {

    private static KratosTestClient.Registered user;
    private static String cookie;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @BeforeAll
    static void session() throws Exception {
        KratosTestClient kratos = new KratosTestClient();
        user = kratos.register();
        cookie = "ory_kratos_session=" + kratos.browserLogin(user).getValue();
    }

    private record Case(String input, Set<Integer> expected, String reason, Sender sender) {
    }

    private interface Sender {
        HttpResponse<String> send(AppClient app) throws Exception;
    }

    @Test
    void everyHostileInputGetsItsExpectedStatus() throws Exception {
        AppClient app = new AppClient(base);
        String token = user.sessionToken();
        StringBuilder manyCookies = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            manyCookies.append("c").append(i).append("=v").append(i).append("; ");
        }
        StringBuilder nineSessionCookies = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            nineSessionCookies.append("ory_kratos_session=v").append(i).append("; ");
        }

        List<Case> cases = List.of(
                new Case("no credentials", Set.of(401), "no_credentials", a -> a.get("api/me")),
                new Case("empty X-Session-Token", Set.of(401), "no_credentials", a -> a.get("api/me", "X-Session-Token", "")),
                new Case("blank X-Session-Token", Set.of(401), "no_credentials", a -> a.get("api/me", "X-Session-Token", "   ")),
                new Case("5,000-character token", Set.of(401), "credential_too_large",
                        a -> a.get("api/me", "X-Session-Token", "a".repeat(5000))),
                new Case("5,000-character session cookie", Set.of(401), "credential_too_large",
                        a -> a.get("api/me", "Cookie", "ory_kratos_session=" + "a".repeat(5000))),
                new Case("300 cookies and the session cookie", Set.of(200), null,
                        a -> a.get("api/me", "Cookie", manyCookies + cookie)),
                new Case("duplicate session cookie, valid first", Set.of(200), null,
                        a -> a.get("api/me", "Cookie", cookie + "; ory_kratos_session=forged")),
                // Both cookies reach Kratos, which accepts the one that is a session: a planted cookie changes nothing.
                new Case("duplicate session cookie, forged first", Set.of(200), null,
                        a -> a.get("api/me", "Cookie", "ory_kratos_session=forged; " + cookie)),
                new Case("9 distinct session cookies", Set.of(401), "too_many_session_cookies",
                        a -> a.get("api/me", "Cookie", nineSessionCookies.toString())),
                new Case("URL-encoded CR/LF in the token", Set.of(401), "invalid_session",
                        a -> a.get("api/me", "X-Session-Token", token + "%0d%0aX-Injected:%201")),
                new Case("bearer, lower case", Set.of(200), null, a -> a.get("api/me", "Authorization", "bearer " + token)),
                new Case("BEARER, several spaces", Set.of(200), null, a -> a.get("api/me", "Authorization", "BEARER    " + token)),
                new Case("Bearer without a token", Set.of(401), "no_credentials", a -> a.get("api/me", "Authorization", "Bearer")),
                new Case("Basic credentials", Set.of(401), "no_credentials",
                        a -> a.get("api/me", "Authorization", "Basic dXNlcjpwYXNz")),
                new Case("Bearer with two words", Set.of(401), "malformed_credential",
                        a -> a.get("api/me", "Authorization", "Bearer " + token + " extra")),
                new Case("Bearer glued to the token", Set.of(401), "no_credentials",
                        a -> a.get("api/me", "Authorization", "Bearer" + token)));

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            HttpResponse<String> response = c.sender().send(app);
            if (!c.expected().contains(response.statusCode())) {
                failures.add(c.input() + ": expected " + c.expected() + ", got " + response.statusCode() + " " + response.body());
            } else if (c.reason() != null && !c.reason().equals(AppClient.reason(response))) {
                failures.add(c.input() + ": expected reason " + c.reason() + ", got " + response.body());
            }
            if (response.body().contains(token)) {
                failures.add(c.input() + ": the answer echoes the token");
            }
        }
        assertThat(failures).as("inputs that did not get their expected answer").isEmpty();
    }

    @Test
    void bytesAClientShouldNeverSendAreRefusedAndTheServerKeepsServing() throws Exception {
        AppClient app = new AppClient(base);
        java.net.URI me = app.uri("api/me");

        assertThat(RawHttp.get(me, "X-Session-Token: t\u00f6ken-" + user.sessionToken()))
                .as("non-ASCII in the token").isIn(400, 401);
        assertThat(RawHttp.get(me, "X-Session-Token: abc\rdef")).as("a bare CR in the token").isIn(400, 401);
        assertThat(RawHttp.get(me, "Cookie: ory_kratos_session=\u00e9t\u00e9")).as("non-ASCII cookie").isIn(400, 401);
        assertThat(RawHttp.get(me, "X-Session-Token: " + "a".repeat(64 * 1024)))
                .as("a 64 KiB token is refused before Kratos").isIn(400, 401, 413, 431);

        assertThat(app.get("api/public").statusCode()).as("still serving").isEqualTo(200);
        assertThat(app.get("api/me", "X-Session-Token", user.sessionToken()).statusCode())
                .as("still authenticating").isEqualTo(200);
    }
}
