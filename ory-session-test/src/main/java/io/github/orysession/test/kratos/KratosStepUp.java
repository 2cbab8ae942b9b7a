package io.github.orysession.test.kratos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Second factors and AAL2 sessions from a real Kratos, driven as a native app would through its API flows: TOTP set up
 * through the settings flow (the code computed by {@link Totp}), a password login (an {@code aal1} session), and the
 * {@code aal=aal2} login that steps a session up with a TOTP code. Needs a Kratos with the TOTP method enabled (the
 * kit's configuration and this project's have it).
 *
 * <pre>{@code
 * KratosTestClient.Registered ada = new KratosTestClient().register();
 * KratosStepUp stepUp = new KratosStepUp();
 * KratosStepUp.Login strong = stepUp.aal2Session(ada);   // a token of an aal2 session
 * }</pre>
 */
public final class KratosStepUp {

    private final HttpClient http = Http.client();
    private final URI publicUrl;

    /** For {@link RealKratos}'s Kratos. */
    public KratosStepUp() {
        this(RealKratos.publicUrl());
    }

    /** @param publicUrl the public API of the Kratos to use */
    public KratosStepUp(URI publicUrl) {
        this.publicUrl = publicUrl;
    }

    /**
     * A session token and its session.
     *
     * @param sessionToken the token
     * @param sessionId the session's id
     * @param aal its assurance level, {@code aal1} or {@code aal2}
     */
    public record Login(String sessionToken, String sessionId, String aal) {
        @Override
        public String toString() {
            return "Login[session " + sessionId + ", " + aal + "]";
        }
    }

    /**
     * Adds TOTP to the user's credentials through the settings API flow, with the user's registration session.
     *
     * @param user a registered user whose session is still recent enough for settings (Kratos's
     *        {@code privileged_session_max_age})
     * @return the TOTP secret (base32), for {@link #stepUpToAal2(String, String)}
     */
    public String setUpTotp(KratosTestClient.Registered user) throws IOException, InterruptedException {
        JsonObject flow = send(HttpRequest.newBuilder(publicUrl.resolve("/self-service/settings/api"))
                .header("X-Session-Token", user.sessionToken()), "start the settings flow");
        String secret = flow.getJsonObject("ui").getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .map(node -> node.getJsonObject("attributes"))
                .filter(attributes -> "totp_secret_key".equals(attributes.getString("id", "")))
                .map(attributes -> attributes.getJsonObject("text").getJsonObject("context").getString("secret"))
                .findFirst().orElseThrow(() -> new AssertionError("the settings flow has no totp_secret_key node: " + flow));
        JsonObject result = post(flow.getJsonObject("ui").getString("action"), user.sessionToken(),
                Json.createObjectBuilder().add("method", "totp").add("totp_code", Totp.codeNow(secret)).build(), "add TOTP");
        if (!"success".equals(result.getString("state", ""))) {
            throw new AssertionError("the settings flow did not add TOTP: " + result);
        }
        return secret;
    }

    /**
     * @param user a registered user
     * @return a new session through the password API login: {@code aal1}, whatever second factors the user has
     */
    public Login passwordLogin(KratosTestClient.Registered user) throws IOException, InterruptedException {
        JsonObject flow = send(HttpRequest.newBuilder(publicUrl.resolve("/self-service/login/api")), "start the login flow");
        JsonObject result = post(flow.getJsonObject("ui").getString("action"), null, Json.createObjectBuilder()
                .add("method", "password").add("identifier", user.email()).add("password", user.password()).build(),
                "sign in with the password");
        return login(result);
    }

    /**
     * Steps a session up to {@code aal2} with a TOTP code, through the API login flow with {@code aal=aal2}.
     *
     * @param sessionToken the session's token
     * @param totpSecret the user's TOTP secret
     * @return the session after the step-up (Kratos keeps its token)
     */
    public Login stepUpToAal2(String sessionToken, String totpSecret) throws IOException, InterruptedException {
        JsonObject flow = send(HttpRequest.newBuilder(publicUrl.resolve("/self-service/login/api?aal=aal2"))
                .header("X-Session-Token", sessionToken), "start the aal2 login flow");
        if (!"aal2".equals(flow.getString("requested_aal", ""))) {
            throw new AssertionError("the login flow did not ask for aal2: " + flow);
        }
        JsonObject result = post(flow.getJsonObject("ui").getString("action"), sessionToken,
                Json.createObjectBuilder().add("method", "totp").add("totp_code", Totp.codeNow(totpSecret)).build(),
                "step up with a TOTP code");
        return login(result);
    }

    /**
     * A user with TOTP set up, signed in with both factors, in one call.
     *
     * @param user a freshly registered user
     * @return a new {@code aal2} session
     */
    public Login aal2Session(KratosTestClient.Registered user) throws IOException, InterruptedException {
        String secret = setUpTotp(user);
        return stepUpToAal2(passwordLogin(user).sessionToken(), secret);
    }

    /**
     * @param kratos the public API of a Kratos
     * @param sessionToken a session token
     * @return that Kratos's own whoami answer: its status and body
     */
    public HttpResponse<String> whoami(URI kratos, String sessionToken) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(kratos.resolve("/sessions/whoami")).header("X-Session-Token", sessionToken)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Login login(JsonObject result) {
        JsonObject session = result.getJsonObject("session");
        return new Login(IssuedCredentials.remember(result.getString("session_token")), session.getString("id"),
                session.getString("authenticator_assurance_level"));
    }

    private JsonObject post(String action, String sessionToken, JsonObject body, String what)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(action)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (sessionToken != null) {
            request.header("X-Session-Token", sessionToken);
        }
        return send(request, what);
    }

    private JsonObject send(HttpRequest.Builder request, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        Http.expect(response, 200, what);
        return Http.json(response.body());
    }
}
