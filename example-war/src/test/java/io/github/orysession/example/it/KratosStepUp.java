package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Kratos's second-factor flows, driven as a native app would through the real Kratos's API flows: TOTP set up
 * through the settings flow, a password login (an aal1 session), the aal2 login that steps a session up with a
 * TOTP code, and the admin API's session extension.
 */
final class KratosStepUp {

    private final HttpClient http = TestHttp.client();

    /** A session token and its session. */
    record Login(String sessionToken, String sessionId, String aal) {
        @Override
        public String toString() {
            return "Login[session " + sessionId + ", " + aal + "]";
        }
    }

    /**
     * Adds TOTP to the user's credentials through the settings API flow: the secret from the flow's
     * {@code totp_secret_key} node, a code computed from it in {@code totp_code}.
     *
     * @return the TOTP secret (base32)
     */
    String setUpTotp(KratosTestClient.Registered user) throws IOException, InterruptedException {
        JsonObject flow = send(HttpRequest.newBuilder(RealKratos.publicUrl().resolve("/self-service/settings/api"))
                .header("X-Session-Token", user.sessionToken()), 200);
        String secret = flow.getJsonObject("ui").getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .map(node -> node.getJsonObject("attributes"))
                .filter(attributes -> "totp_secret_key".equals(attributes.getString("id", "")))
                .map(attributes -> attributes.getJsonObject("text").getJsonObject("context").getString("secret"))
                .findFirst().orElseThrow(() -> new AssertionError("settings flow has no totp_secret_key node: " + flow));
        JsonObject result = post(flow.getJsonObject("ui").getString("action"), user.sessionToken(),
                Json.createObjectBuilder().add("method", "totp").add("totp_code", Totp.codeNow(secret)).build());
        assertThat(result.getString("state", "")).as("settings flow state after adding TOTP: %s", result).isEqualTo("success");
        return secret;
    }

    /** A new session through the password API login: aal1, whatever second factors the user has. */
    Login passwordLogin(KratosTestClient.Registered user) throws IOException, InterruptedException {
        JsonObject flow = send(HttpRequest.newBuilder(RealKratos.publicUrl().resolve("/self-service/login/api")), 200);
        JsonObject result = post(flow.getJsonObject("ui").getString("action"), null, Json.createObjectBuilder()
                .add("method", "password").add("identifier", user.email()).add("password", user.password()).build());
        return login(result);
    }

    /**
     * Steps the token's session up to aal2 with a TOTP code, through the API login flow with {@code aal=aal2}.
     *
     * @return the session after the step-up (Kratos keeps its token)
     */
    Login stepUpToAal2(String sessionToken, String totpSecret) throws IOException, InterruptedException {
        JsonObject flow = send(HttpRequest.newBuilder(RealKratos.publicUrl().resolve("/self-service/login/api?aal=aal2"))
                .header("X-Session-Token", sessionToken), 200);
        assertThat(flow.getString("requested_aal", "")).as("login flow's requested AAL").isEqualTo("aal2");
        JsonObject result = post(flow.getJsonObject("ui").getString("action"), sessionToken,
                Json.createObjectBuilder().add("method", "totp").add("totp_code", Totp.codeNow(totpSecret)).build());
        return login(result);
    }

    /** Kratos's own whoami at {@code kratos}: its status and body. */
    HttpResponse<String> whoami(URI kratos, String sessionToken) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(kratos.resolve("/sessions/whoami")).header("X-Session-Token", sessionToken)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Login login(JsonObject result) {
        JsonObject session = result.getJsonObject("session");
        return new Login(Secrets.remember(result.getString("session_token")), session.getString("id"),
                session.getString("authenticator_assurance_level"));
    }

    private JsonObject post(String action, String sessionToken, JsonObject body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(action)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (sessionToken != null) {
            request.header("X-Session-Token", sessionToken);
        }
        return send(request, 200);
    }

    private JsonObject send(HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
        HttpRequest built = request.header("Accept", "application/json").build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s answer: %s", built.method(), built.uri(), response.body())
                .isEqualTo(expectedStatus);
        return KratosTestClient.parse(response.body());
    }
}
