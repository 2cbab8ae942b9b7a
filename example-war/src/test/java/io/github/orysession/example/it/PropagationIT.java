package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * The example as the entry point of a system, against the real Kratos: its MicroProfile REST clients carry the
 * caller's identity (the session's Kratos-signed JWT, {@code ory.session.tokenize-as=jwt_example}) to the downstream
 * service, a separate application protected by its server's own MicroProfile JWT, and to a header recorder in this
 * JVM. Both servers see the same caller; nothing goes anywhere without a valid session or to a URL the allow-list does
 * not admit; many callers at once never get each other's identity.
 */
@ExtendWith({RealKratos.class, PropagationPeers.class, ArquillianExtension.class})
class PropagationIT {

    private static final KratosTestClient KRATOS = new KratosTestClient();
    private static final HttpClient HTTP = TestHttp.client();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive edge() {
        return ExampleVariants.propagationEdge(PropagationPeers.downstream(), PropagationPeers.recorder().port());
    }

    @BeforeEach
    void downstreamIsUp() throws Exception {
        PropagationPeers.awaitDownstream();
    }

    @Test
    void theDownstreamSeesTheSameCallerAsTheEdgeSynchronouslyAsynchronouslyAndForABrowser() throws Exception {
        KratosTestClient.Registered admin = KRATOS.register(List.of("admin", "auditor"));
        AppClient app = new AppClient(base);

        for (String path : List.of("api/me/downstream", "api/me/downstream?async=true")) {
            HttpResponse<String> response = app.get(path, "X-Session-Token", admin.sessionToken());

            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            JsonObject body = KratosTestClient.parse(response.body());
            JsonObject edge = body.getJsonObject("edge");
            JsonObject downstream = body.getJsonObject("downstream");
            assertThat(edge.getString("identity_id")).as("%s: the edge's caller", path).isEqualTo(admin.identityId());
            assertThat(downstream.getString("sub")).as("%s: the downstream's caller", path).isEqualTo(admin.identityId());
            assertThat(downstream.getString("email")).as("%s: email", path).isEqualTo(admin.email());
            assertThat(strings(downstream, "groups")).as("%s: groups, from metadata_public.roles", path)
                    .containsExactlyInAnyOrder("admin", "auditor");
            assertThat(downstream.getString("sid")).as("%s: the session", path).isEqualTo(admin.sessionId());
            assertThat(downstream.getString("iss")).as("%s: verified for this Kratos", path).isEqualTo(RealKratos.publicUrl() + "/");
            assertThat(strings(downstream, "aud")).as("%s: and this audience", path).containsExactly("ory-session-example");
            assertThat(body.getBoolean("same_caller")).as("%s: both agree", path).isTrue();
        }

        HttpCookie cookie = KRATOS.browserLogin(admin);
        HttpResponse<String> browser = app.get("api/me/downstream", "Cookie", cookie.getName() + "=" + cookie.getValue());
        assertThat(browser.statusCode()).as("a browser's session: %s", browser.body()).isEqualTo(200);
        JsonObject seen = KratosTestClient.parse(browser.body()).getJsonObject("downstream");
        assertThat(seen.getString("sub")).as("a browser's session travels as its JWT").isEqualTo(admin.identityId());
        assertThat(seen.getString("sid")).as("the browser's own session").isNotEqualTo(admin.sessionId());
    }

    @Test
    void withoutASessionTheDownstreamAnswers401AndTheEdgeAnswersTheCallers401() throws Exception {
        AppClient app = new AppClient(base);
        KratosTestClient.Registered user = KRATOS.register();

        HttpResponse<String> anonymous = app.get("api/downstream/caller");
        HttpResponse<String> signedIn = app.get("api/downstream/caller", "X-Session-Token", user.sessionToken());
        HttpResponse<String> required = app.get("api/me/downstream");

        assertThat(anonymous.statusCode()).as("no session, the downstream called without an identity: %s", anonymous.body())
                .isEqualTo(401);
        assertThat(AppClient.reason(anonymous)).isEqualTo("no_credentials");
        assertThat(KratosTestClient.parse(anonymous.body()).getJsonObject("error").getString("message"))
                .as("the 401 came from the downstream").contains("downstream service answered 401");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"ory\"");
        assertThat(signedIn.statusCode()).as("the same call with a session: %s", signedIn.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(signedIn.body()).getString("sub")).isEqualTo(user.identityId());
        assertThat(required.statusCode()).as("@Authenticated at the edge: refused before any call").isEqualTo(401);
        assertThat(AppClient.reason(required)).isEqualTo("no_credentials");
    }

    @Test
    void anAsynchronousCallSentAfterTheRequestWasAnsweredCarriesTheIdentityOfWhenItWasMade() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        String signedIn = marker();
        String anonymous = marker();

        HttpResponse<String> withSession = probe("allowed", "jwt-later", signedIn, "X-Session-Token", user.sessionToken());
        HttpResponse<String> withoutSession = probe("allowed", "jwt-later", anonymous);
        assertThat(withSession.statusCode()).as("answered before the call is sent: %s", withSession.body()).isEqualTo(200);
        assertThat(withoutSession.statusCode()).isEqualTo(200);

        HeaderRecorder.Received later = awaitCall(signedIn);
        assertThat(claims(later.bearer().orElseThrow(() -> new AssertionError("no JWT on " + later))).getString("sub"))
                .as("sent from a thread outside any request, after the request").isEqualTo(user.identityId());
        assertThat(awaitCall(anonymous).header("Authorization")).as("an anonymous request's later call").isEmpty();
    }

    @Test
    void aSessionRevokedAtTheEdgeNeverReachesTheDownstream() throws Exception {
        AppClient app = new AppClient(base);
        KratosTestClient.Registered user = KRATOS.register();
        KratosTestClient.Login laptop = KRATOS.login(user);

        String before = marker();
        assertThat(probe("allowed", "jwt", before, "X-Session-Token", laptop.sessionToken()).statusCode()).isEqualTo(200);
        assertThat(claims(recorder().only(before).bearer().orElseThrow()).getString("sid")).as("the laptop's JWT")
                .isEqualTo(laptop.sessionId());

        // The user revokes the laptop's session from another session of theirs, through the library.
        HttpResponse<String> revoked = app.send("DELETE", "api/sessions/" + laptop.sessionId(), "X-Session-Token", user.sessionToken());
        assertThat(revoked.statusCode()).as("DELETE /api/sessions/{id}: %s", revoked.body()).isEqualTo(204);

        HttpResponse<String> edge = app.get("api/me/downstream", "X-Session-Token", laptop.sessionToken());
        String optional = marker();
        HttpResponse<String> optionalCall = probe("allowed", "jwt", optional, "X-Session-Token", laptop.sessionToken());
        String mandatory = marker();
        HttpResponse<String> requiredCall = probe("allowed", "required", mandatory, "X-Session-Token", laptop.sessionToken());

        assertThat(edge.statusCode()).as("the revoked session at the edge: %s", edge.body()).isEqualTo(401);
        assertThat(AppClient.reason(edge)).isEqualTo("invalid_session");
        assertThat(optionalCall.statusCode()).as("an optional identity: the call goes, without one").isEqualTo(200);
        assertThat(recorder().only(optional).header("Authorization")).as("what the revoked session's call carried").isEmpty();
        assertThat(requiredCall.statusCode()).as("a required identity: %s", requiredCall.body()).isEqualTo(401);
        assertThat(recorder().withMarker(mandatory)).as("and no call at all").isEmpty();
    }

    @Test
    void anExpiredSessionAtTheEdgeNeverReachesTheDownstream() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        KratosTestClient.Login shortLived = shortLivedSession(user);
        Instant expiresAt = expiresAt(shortLived.sessionId());

        String before = marker();
        probe("allowed", "jwt", before, "X-Session-Token", shortLived.sessionToken());
        assertThat(Instant.now()).as("the first call was made before the session expired; a slower machine needs a longer "
                + "lifespan").isBefore(expiresAt);
        assertThat(recorder().only(before).bearer()).as("the short session's JWT, while it lasts").isPresent();

        while (!Instant.now().isAfter(expiresAt.plusSeconds(1))) {
            Thread.sleep(250);
        }
        HttpResponse<String> edge = new AppClient(base).get("api/me/downstream", "X-Session-Token", shortLived.sessionToken());
        String after = marker();
        probe("allowed", "jwt", after, "X-Session-Token", shortLived.sessionToken());

        assertThat(edge.statusCode()).as("the expired session at the edge: %s", edge.body()).isEqualTo(401);
        assertThat(recorder().only(after).header("Authorization")).as("what the expired session's call carried").isEmpty();
    }

    @Test
    void aRestClientPointedAtAUrlNotOnTheAllowListGetsNoCredential() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        HttpCookie cookie = KRATOS.browserLogin(user);
        String[] credentials = {"X-Session-Token", user.sessionToken(), "Cookie", cookie.getName() + "=" + cookie.getValue()};

        for (String target : List.of("other-host", "other-path")) {
            for (String client : List.of("jwt", "jwt-async", "session-token")) {
                String marker = marker();
                HttpResponse<String> response = probe(target, client, marker, credentials);

                assertThat(response.statusCode()).as("%s %s: %s", target, client, response.body()).isEqualTo(200);
                HeaderRecorder.Received call = recorder().only(marker);
                assertThat(call.header("Authorization")).as("Authorization sent by %s to %s", client, call).isEmpty();
                assertThat(call.header("X-Session-Token")).as("X-Session-Token sent by %s to %s", client, call).isEmpty();
                assertThat(call.header("Cookie")).as("Cookie sent by %s to %s", client, call).isEmpty();
            }
        }
        String allowed = marker();
        probe("allowed", "jwt-async", allowed, credentials);
        assertThat(claims(recorder().only(allowed).bearer().orElseThrow()).getString("sub"))
                .as("the same client at an allowed URL").isEqualTo(user.identityId());

        String refused = marker();
        HttpResponse<String> required = probe("other-host", "required", refused, credentials);
        assertThat(required.statusCode()).as("a required identity to a URL not allowed: %s", required.body()).isEqualTo(500);
        assertThat(AppClient.reason(required)).isEqualTo("downstream_not_allowed");
        assertThat(required.body()).as("no internal host in the answer").doesNotContain("localhost:" + recorder().port());
        assertThat(recorder().withMarker(refused)).as("and no call").isEmpty();
    }

    @Test
    void sessionTokenModeForwardsTheCallersTokenAndNeverABrowsersCookie() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        HttpCookie cookie = KRATOS.browserLogin(user);
        String sessionCookie = cookie.getName() + "=" + cookie.getValue();

        String token = marker();
        probe("allowed", "session-token", token, "X-Session-Token", user.sessionToken());
        String browser = marker();
        probe("allowed", "session-token", browser, "Cookie", sessionCookie);
        String browserJwt = marker();
        probe("allowed", "jwt", browserJwt, "Cookie", sessionCookie);

        assertThat(recorder().only(token).header("X-Session-Token")).as("the caller's token").contains(user.sessionToken());
        assertThat(recorder().only(token).header("Authorization")).as("and not the JWT as well").isEmpty();
        assertThat(recorder().only(browser).header("X-Session-Token")).as("a browser has no token to forward").isEmpty();
        assertThat(recorder().only(browser).header("Cookie")).as("and its cookie is never forwarded").isEmpty();
        assertThat(claims(recorder().only(browserJwt).bearer().orElseThrow()).getString("sub"))
                .as("the browser's identity goes as a JWT").isEqualTo(user.identityId());
    }

    @Test
    void aHundredUsersAtOnceThroughTheSameRestClientsNeverCarryEachOthersIdentity() throws Exception {
        int users = 100;
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            // One at a time: Kratos's SQLite database refuses concurrent registrations ("database is locked").
            List<KratosTestClient.Registered> registered = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                registered.add(KRATOS.register());
            }
            AppClient app = new AppClient(base);
            List<Future<String>> calls = new ArrayList<>();
            for (KratosTestClient.Registered user : registered) {
                for (String path : List.of("api/me/downstream", "api/me/downstream?async=true")) {
                    calls.add(pool.submit(() -> downstreamMismatch(app, path, user)));
                }
                calls.add(pool.submit(() -> recorderMismatch(user)));
            }
            List<String> mismatches = new ArrayList<>();
            for (Future<String> call : calls) {
                String mismatch = call.get(300, TimeUnit.SECONDS);
                if (mismatch != null) {
                    mismatches.add(mismatch);
                }
            }
            assertThat(mismatches).as("calls of %s users (downstream, asynchronous downstream, asynchronous recorder) "
                    + "that did not carry exactly their own caller", users).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private static String downstreamMismatch(AppClient app, String path, KratosTestClient.Registered user) throws Exception {
        HttpResponse<String> response = app.get(path, "X-Session-Token", user.sessionToken());
        if (response.statusCode() != 200) {
            return path + " for " + user + ": " + response.statusCode() + " " + response.body();
        }
        JsonObject body = KratosTestClient.parse(response.body());
        String edge = body.getJsonObject("edge").getString("identity_id");
        String downstream = body.getJsonObject("downstream").getString("sub");
        return edge.equals(user.identityId()) && downstream.equals(user.identityId()) ? null
                : path + " for " + user + ": edge " + edge + ", downstream " + downstream;
    }

    private String recorderMismatch(KratosTestClient.Registered user) throws Exception {
        String marker = marker();
        HttpResponse<String> response = probe("allowed", "jwt-async", marker, "X-Session-Token", user.sessionToken());
        if (response.statusCode() != 200) {
            return "probe for " + user + ": " + response.statusCode() + " " + response.body();
        }
        String subject = recorder().only(marker).bearer().map(jwt -> claims(jwt).getString("sub")).orElse("(none)");
        return subject.equals(user.identityId()) ? null : "probe for " + user + ": the recorder got the JWT of " + subject;
    }

    /** A session of {@code user} with a lifespan of 20 s, from a second Kratos on the same database. */
    private static KratosTestClient.Login shortLivedSession(KratosTestClient.Registered user) throws Exception {
        URI pub = URI.create("http://127.0.0.1:" + System.getProperty("propagation.kratos.public.port", "14440"));
        URI admin = URI.create("http://127.0.0.1:" + System.getProperty("propagation.kratos.admin.port", "14441"));
        Process kratos = RealKratos.startSibling(pub, admin, Map.of("SESSION_LIFESPAN", "20s"), "kratos-short-sessions.log");
        try {
            return KRATOS.login(user, pub);
        } finally {
            kratos.destroy();
            kratos.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Instant expiresAt(String sessionId) throws Exception {
        HttpResponse<String> session = HTTP.send(HttpRequest.newBuilder(RealKratos.adminUrl().resolve("/admin/sessions/" + sessionId))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).as("admin GET session: %s", session.body()).isEqualTo(200);
        return Instant.parse(KratosTestClient.parse(session.body()).getString("expires_at"));
    }

    /** The recorder's call with this marker, waiting up to 30 s for it. */
    private static HeaderRecorder.Received awaitCall(String marker) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (recorder().withMarker(marker).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        return recorder().only(marker);
    }

    private HttpResponse<String> probe(String target, String client, String marker, String... headers) throws Exception {
        return new AppClient(base).get("api/probe/" + target + "?client=" + client + "&marker=" + marker, headers);
    }

    private static HeaderRecorder recorder() {
        return PropagationPeers.recorder();
    }

    private static String marker() {
        return UUID.randomUUID().toString();
    }

    private static JsonObject claims(String jwt) {
        return KratosTestClient.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString::getString);
    }
}
