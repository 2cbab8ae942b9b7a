package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.JsonObject;

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
 * The example WAR, deployed as built to a real server, against the real Kratos: every way of presenting a
 * session, and every way of not having one.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
@Tag(TargetServer.COMPAT)
class WalkingSkeletonIT {

    private static final KratosTestClient KRATOS = new KratosTestClient();
    private static KratosTestClient.Registered alice;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @BeforeAll
    static void registerUser() throws Exception {
        alice = KRATOS.register();
    }

    @Test
    void meWithSessionTokenHeader() throws Exception {
        HttpResponse<String> response = get("api/me", "X-Session-Token", alice.sessionToken());

        assertThat(response.statusCode()).as("GET /api/me with X-Session-Token: %s", response.body()).isEqualTo(200);
        JsonObject me = KratosTestClient.parse(response.body());
        assertThat(me.getString("identity_id")).isEqualTo(alice.identityId());
        assertThat(me.getString("email")).isEqualTo(alice.email());
        assertThat(me.getString("session_id")).isEqualTo(alice.sessionId());
        assertThat(me.getString("aal")).isEqualTo("aal1");
        assertThat(me.getString("expires_at")).as("expires_at is an ISO instant").matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(me.getString("principal")).as("SecurityContext principal is the identity").isEqualTo(alice.identityId());
    }

    @Test
    void meWithAuthorizationBearer() throws Exception {
        HttpResponse<String> response = get("api/me", "Authorization", "Bearer " + alice.sessionToken());

        assertThat(response.statusCode()).as("GET /api/me with Authorization: Bearer: %s", response.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(response.body()).getString("identity_id")).isEqualTo(alice.identityId());
    }

    @Test
    void meWithCookieFromTheBrowserLoginFlow() throws Exception {
        HttpCookie cookie = KRATOS.browserLogin(alice);

        HttpResponse<String> response = get("api/me", "Cookie",
                "theme=dark; " + cookie.getName() + "=" + cookie.getValue() + "; tracking=xyz");

        assertThat(response.statusCode()).as("GET /api/me with the session cookie: %s", response.body()).isEqualTo(200);
        JsonObject me = KratosTestClient.parse(response.body());
        assertThat(me.getString("identity_id")).isEqualTo(alice.identityId());
        assertThat(me.getString("session_id")).as("the browser login made a new session").isNotEqualTo(alice.sessionId());
    }

    @Test
    void meWithoutCredentialsIs401() throws Exception {
        HttpResponse<String> response = get("api/me", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("WWW-Authenticate").hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer realm=\"ory\""));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/json"));
        assertThat(KratosTestClient.parse(response.body()).getJsonObject("error").getString("reason")).isEqualTo("no_credentials");
    }

    @Test
    void meWithGarbageTokenIs401() throws Exception {
        String garbage = "ory_st_thisIsNotARealSessionTokenAtAll0123";
        HttpResponse<String> response = get("api/me", "X-Session-Token", garbage);

        assertThat(response.statusCode()).as("garbage token: %s", response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).contains("invalid_token"));
        assertThat(response.body()).as("the error body never echoes the token").doesNotContain(garbage);
    }

    @Test
    void meAfterAdminRevocationIs401WithinTheCacheTtl() throws Exception {
        KratosTestClient.Registered bob = KRATOS.register();
        assertThat(get("api/me", "X-Session-Token", bob.sessionToken()).statusCode()).as("before revocation").isEqualTo(200);

        KRATOS.revoke(bob.sessionId());
        long revokedAt = System.nanoTime();
        assertThat(KRATOS.whoamiStatus(bob.sessionToken())).as("Kratos itself refuses the revoked session").isEqualTo(401);

        // Revoked behind the library's back (Kratos's admin API directly): the cached session may be served until
        // the cache TTL ends, never longer. (Revocations through the library take effect at once: SessionCacheIT.)
        Duration ttl = Duration.ofMillis(Long.getLong("it.cache.ttl.ms", 3000));
        int status = 200;
        while (status == 200 && System.nanoTime() - revokedAt < ttl.plusSeconds(2).toNanos()) {
            status = get("api/me", "X-Session-Token", bob.sessionToken()).statusCode();
            if (status == 200) {
                Thread.sleep(100);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - revokedAt);
        assertThat(status).as("after revocation, within the TTL of %s (took %s)", ttl, took).isEqualTo(401);
        assertThat(took).as("refused no later than the TTL (plus request time)").isLessThan(ttl.plusSeconds(1));
    }

    @Test
    void publicWithoutCredentialsIs200() throws Exception {
        HttpResponse<String> response = get("api/public", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(KratosTestClient.parse(response.body()).getString("message")).contains("public");
    }

    @Test
    void publicGreetingSeesTheOptionalSession() throws Exception {
        assertThat(KratosTestClient.parse(get("api/public/greeting", null, null).body()).getString("message"))
                .isEqualTo("Hello, stranger");
        assertThat(KratosTestClient.parse(get("api/public/greeting", "X-Session-Token", alice.sessionToken()).body())
                .getString("message")).isEqualTo("Hello, " + alice.email());
    }

    @Test
    void protectedGreetingNeedsTheSession() throws Exception {
        assertThat(get("api/me/greeting", null, null).statusCode()).as("no credentials").isEqualTo(401);
        HttpResponse<String> response = get("api/me/greeting", "X-Session-Token", alice.sessionToken());
        assertThat(response.statusCode()).as("with the session token").isEqualTo(200);
        assertThat(KratosTestClient.parse(response.body()).getString("message")).isEqualTo("Hello, " + alice.email());
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        AppClient app = new AppClient(base);
        return header == null ? app.get(path) : app.get(path, header, value);
    }
}
