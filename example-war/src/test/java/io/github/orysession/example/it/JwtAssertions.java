package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import io.github.orysession.test.kratos.KratosTestClient;

/**
 * What every variant with {@code @LoginConfig(authMethod = "MP-JWT")} must show, mapper on or off; the variant's
 * {@code /api/token} (open) and {@code /api/token/admin} ({@code @RolesAllowed("admin")}) come from
 * {@code io.github.orysession.example.variant.TokenResource}.
 */
final class JwtAssertions {

    private JwtAssertions() {
    }

    /**
     * A JWT signed by another key, or whose claims were changed after signing, is never taken for its subject. On a
     * {@code @RolesAllowed} or {@code @Authenticated} resource it is {@code 401}. On an open resource Payara's MP-JWT answers {@code 401}, while
     * Open Liberty's logs {@code CWWKS5523E} and lets the request on without a caller.
     */
    static void badSignaturesAreRefused(AppClient app) throws Exception {
        String subject = "jwt-user-" + UUID.randomUUID();
        for (String forged : List.of(TestJwts.signedByAnotherKey(subject, List.of("admin")),
                TestJwts.tampered(subject, List.of("reader")))) {
            HttpResponse<String> guarded = app.get("api/token/admin", "Authorization", "Bearer " + forged);
            assertThat(guarded.statusCode()).as("@RolesAllowed resource, JWT whose signature does not verify: %s",
                    guarded.body()).isEqualTo(401);
            HttpResponse<String> authenticated = app.get("api/me", "Authorization", "Bearer " + forged);
            assertThat(authenticated.statusCode()).as("@Authenticated resource, JWT whose signature does not verify: %s",
                    authenticated.body()).isEqualTo(401);

            HttpResponse<String> open = app.get("api/token", "Authorization", "Bearer " + forged);
            if (TargetServer.current().family() == TargetServer.Family.PAYARA) {
                assertThat(open.statusCode()).as("Payara refuses a bad JWT on an open resource: %s", open.body())
                        .isEqualTo(401);
            } else {
                assertThat(open.statusCode()).as("Liberty lets the request on, unauthenticated: %s", open.body())
                        .isEqualTo(200);
                JsonObject token = KratosTestClient.parse(open.body());
                assertThat(token.getBoolean("raw_token_present")).as("no signed token injected: %s", token).isFalse();
                assertThat(token.containsKey("principal")).as("no caller: %s", token).isFalse();
            }
            assertThat(open.body()).as("nobody is taken for the forged subject").doesNotContain(subject, "someone-else");
        }
    }

    /**
     * An {@code @Authenticated} resource wants an Ory session, and a JWT the server verified is none: {@code 401}
     * {@code no_credentials}, without asking Kratos (which would have made it {@code invalid_session}): the library
     * never sends a bearer JWT to Kratos.
     */
    static void aServerVerifiedJwtIsNoOrySession(AppClient app) throws Exception {
        HttpResponse<String> response = app.get("api/me", "Authorization",
                "Bearer " + TestJwts.signed("jwt-only-" + UUID.randomUUID(), List.of("admin")));

        assertThat(response.statusCode()).as("@Authenticated resource, server-verified JWT only: %s", response.body())
                .isEqualTo(401);
        assertThat(AppClient.reason(response)).as("the JWT is not taken for an Ory session token").isEqualTo("no_credentials");
    }

    /**
     * With {@code @LoginConfig(authMethod = "MP-JWT")} the server reads {@code Authorization: Bearer} first: Payara
     * answers {@code 401} to a bearer value that is no valid JWT, such as an Ory session token, before the library is
     * asked; Open Liberty logs {@code CWWKS5523E} and lets it through to the library, which accepts the session.
     * {@code X-Session-Token} (or the session cookie) works on both.
     */
    static void anOrySessionTokenAsBearerIsTheServersToJudge(AppClient app, KratosTestClient.Registered user)
            throws Exception {
        HttpResponse<String> header = app.get("api/me", "X-Session-Token", user.sessionToken());
        assertThat(header.statusCode()).as("X-Session-Token: %s", header.body()).isEqualTo(200);

        HttpResponse<String> bearer = app.get("api/me", "Authorization", "Bearer " + user.sessionToken());
        int expected = TargetServer.current().family() == TargetServer.Family.PAYARA ? 401 : 200;
        assertThat(bearer.statusCode()).as("an Ory session token as Authorization: Bearer on %s: %s",
                TargetServer.current(), bearer.body()).isEqualTo(expected);
        assertThat(bearer.body()).as("never echoed").doesNotContain(user.sessionToken());
    }
}
