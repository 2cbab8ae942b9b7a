package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Drives the real Kratos the way a user's client would: API registration, the browser login flow (without a
 * browser), and the admin API. Used by the integration tests to get real session tokens and cookies.
 */
public final class KratosTestClient {

    private final HttpClient http = TestHttp.client();
    private final URI publicUrl;
    private final URI adminUrl;
    private final String sessionCookieName;
    private final String adminApiKey;

    /** The main test Kratos ({@link RealKratos}): its own cookie name, an admin API without authentication. */
    public KratosTestClient() {
        this(RealKratos.publicUrl(), RealKratos.adminUrl(), "ory_kratos_session", null);
    }

    /**
     * Another Kratos, such as the Ory Network style project of {@link OryNetworkProject}.
     *
     * @param publicUrl its public API
     * @param adminUrl its admin API (on Ory Network the project URL too)
     * @param sessionCookieName the name of the session cookie it sets ({@code session.cookie.name})
     * @param adminApiKey sent to the admin API as {@code Authorization: Bearer}, or {@code null} for none
     */
    public KratosTestClient(URI publicUrl, URI adminUrl, String sessionCookieName, String adminApiKey) {
        this.publicUrl = publicUrl;
        this.adminUrl = adminUrl;
        this.sessionCookieName = sessionCookieName;
        this.adminApiKey = adminApiKey;
    }

    /** A registered user and the session its registration created. */
    public record Registered(String email, String password, String identityId, String sessionId, String sessionToken) {
        @Override
        public String toString() {
            return "Registered[" + email + ", identity " + identityId + "]";
        }
    }

    /** Registers a new user through the API registration flow; the session hook gives it a session token. */
    public Registered register() throws IOException, InterruptedException {
        return register(java.util.List.of());
    }

    /**
     * Registers a new user, then gives it {@code roles} in its {@code metadata_public} through Kratos's admin API (the
     * JSON Web Token mapper's groups; a user cannot write there, unlike traits).
     */
    public Registered register(java.util.List<String> roles) throws IOException, InterruptedException {
        return register(roles, null);
    }

    /** Registers a new user with the given {@code name} trait (any text the identity schema allows). */
    public Registered registerNamed(String name) throws IOException, InterruptedException {
        return register(java.util.List.of(), name);
    }

    private Registered register(java.util.List<String> roles, String name) throws IOException, InterruptedException {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String password = "Tr0ub4dor-" + UUID.randomUUID();
        JsonObject flow = getJson(publicUrl.resolve("/self-service/registration/api"), 200);
        var traits = Json.createObjectBuilder().add("email", email);
        if (name != null) {
            traits.add("name", name);
        }
        JsonObject body = Json.createObjectBuilder().add("method", "password").add("password", password)
                .add("traits", traits).build();
        JsonObject result = postJson(URI.create(flow.getJsonObject("ui").getString("action")), body, null, 200);
        if (!roles.isEmpty()) {
            setRoles(result.getJsonObject("identity").getString("id"), roles);
        }
        return new Registered(email, password, result.getJsonObject("identity").getString("id"),
                result.getJsonObject("session").getString("id"), Secrets.remember(result.getString("session_token")));
    }

    /**
     * Signs in through Kratos's browser login flow, as a browser would (CSRF cookie and token included).
     *
     * @return the session cookie Kratos set ({@code ory_kratos_session}, or the name this client was given)
     */
    public HttpCookie browserLogin(Registered user) throws IOException, InterruptedException {
        CookieManager jar = new CookieManager();
        HttpClient browser = TestHttp.browser(jar);
        HttpResponse<String> flowResponse = browser.send(HttpRequest.newBuilder(
                        publicUrl.resolve("/self-service/login/browser"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(flowResponse.statusCode()).as("login/browser answer: %s", flowResponse.body()).isEqualTo(200);
        JsonObject flow = parse(flowResponse.body());
        JsonObject body = Json.createObjectBuilder().add("method", "password")
                .add("identifier", user.email()).add("password", user.password())
                .add("csrf_token", csrfToken(flow)).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(flow.getJsonObject("ui").getString("action")))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("browser login answer: %s", login.body()).isEqualTo(200);
        HttpCookie cookie = jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(sessionCookieName))
                .findFirst().orElseThrow(() -> new AssertionError("Kratos set no " + sessionCookieName + " cookie, only "
                        + jar.getCookieStore().getCookies().stream().map(HttpCookie::getName).toList()));
        Secrets.remember(cookie.getValue());
        return cookie;
    }

    /** A session made by an API login: its id and its token. */
    public record Login(String sessionId, String sessionToken) {
        @Override
        public String toString() {
            return "Login[session " + sessionId + "]";
        }
    }

    /** Signs an existing user in again through the API login flow: a new session with a new session token. */
    public Login login(Registered user) throws IOException, InterruptedException {
        return login(user, publicUrl);
    }

    /**
     * Signs an existing user in through the API login flow of another Kratos on the same database (a sibling started
     * with other settings, such as a shorter session lifespan): its session, valid for every Kratos of the database.
     */
    public Login login(Registered user, URI kratosPublicUrl) throws IOException, InterruptedException {
        JsonObject flow = getJson(kratosPublicUrl.resolve("/self-service/login/api"), 200);
        JsonObject body = Json.createObjectBuilder().add("method", "password")
                .add("identifier", user.email()).add("password", user.password()).build();
        JsonObject result = postJson(URI.create(flow.getJsonObject("ui").getString("action")), body, null, 200);
        return new Login(result.getJsonObject("session").getString("id"), Secrets.remember(result.getString("session_token")));
    }

    /** Asks Kratos's whoami directly with a session cookie: the status Kratos gives it. */
    public int whoamiStatus(HttpCookie cookie) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(publicUrl.resolve("/sessions/whoami"))
                .header("Cookie", cookie.getName() + "=" + cookie.getValue()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Follows a URL as a browser with the session cookie would, without following redirects: the response. */
    public HttpResponse<String> browserGet(URI uri, HttpCookie cookie) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).header("Cookie", cookie.getName() + "=" + cookie.getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Revokes a session through the admin API ({@code DELETE /admin/sessions/{id}}). */
    public void revoke(String sessionId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(admin(adminUrl.resolve("/admin/sessions/" + sessionId)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("admin revoke answer: %s", response.body()).isEqualTo(204);
    }

    /** Asks Kratos's whoami directly with a token: the status Kratos gives it. */
    public int whoamiStatus(String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(publicUrl.resolve("/sessions/whoami"))
                .header("X-Session-Token", token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String csrfToken(JsonObject flow) {
        return flow.getJsonObject("ui").getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .map(node -> node.getJsonObject("attributes"))
                .filter(attributes -> "csrf_token".equals(attributes.getString("name", "")))
                .map(attributes -> attributes.getString("value"))
                .findFirst().orElseThrow(() -> new AssertionError("login flow has no csrf_token node"));
    }

    /** {@code PATCH /admin/identities/{id}}: sets {@code metadata_public.roles}, as an administrator would. */
    public void setRoles(String identityId, java.util.List<String> roles) throws IOException, InterruptedException {
        String patch = Json.createArrayBuilder().add(Json.createObjectBuilder().add("op", "add").add("path", "/metadata_public")
                .add("value", Json.createObjectBuilder().add("roles", Json.createArrayBuilder(roles)))).build().toString();
        HttpResponse<String> response = http.send(admin(adminUrl.resolve("/admin/identities/" + identityId))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("admin PATCH of metadata_public: %s", response.body()).isEqualTo(200);
    }

    /** A request to the admin API, with the API key when this client has one. */
    private HttpRequest.Builder admin(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (adminApiKey != null) {
            request.header("Authorization", "Bearer " + adminApiKey);
        }
        return request;
    }

    private JsonObject getJson(URI uri, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s answer: %s", uri, response.body()).isEqualTo(expectedStatus);
        return parse(response.body());
    }

    private JsonObject postJson(URI uri, JsonObject body, String cookie, int expectedStatus) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s answer: %s", uri, response.body()).isEqualTo(expectedStatus);
        return parse(response.body());
    }

    static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
