package io.github.orysession.test.kratos;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Drives a real Kratos as a user's client would, to give integration tests real sessions: registration through the
 * API flow (a session token), the browser login flow without a browser (a cookie jar with the session cookie), and the
 * admin API (roles in {@code metadata_public}, revocation). Every token and cookie it hands out is remembered in
 * {@link IssuedCredentials}. A step that Kratos refuses fails the test ({@link AssertionError}) with Kratos's answer.
 *
 * <pre>{@code
 * KratosTestClient kratos = new KratosTestClient();                   // RealKratos's Kratos
 * KratosTestClient.Registered ada = kratos.register(List.of("admin")); // a session token, and the role
 * CookieManager browser = kratos.browserCookies(ada);                  // a browser's session cookie
 * }</pre>
 */
public final class KratosTestClient {

    /** Kratos's own session cookie name. */
    public static final String SESSION_COOKIE = "ory_kratos_session";

    private final HttpClient http = Http.client();
    private final URI publicUrl;
    private final URI adminUrl;
    private final String sessionCookieName;
    private final String adminApiKey;

    /** For {@link RealKratos}'s Kratos: its cookie name, its admin API without authentication. */
    public KratosTestClient() {
        this(RealKratos.publicUrl(), RealKratos.adminUrl(), SESSION_COOKIE, null);
    }

    /**
     * For another Kratos, such as one presented as an Ory Network project.
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

    /**
     * A registered user and the session its registration created.
     *
     * @param email its email (the identifier), unique per registration
     * @param password its password
     * @param identityId its identity id
     * @param sessionId the session's id
     * @param sessionToken the session's token, for {@code X-Session-Token}
     */
    public record Registered(String email, String password, String identityId, String sessionId, String sessionToken) {
        @Override
        public String toString() {
            return "Registered[" + email + ", identity " + identityId + "]";
        }
    }

    /**
     * A session made by an API login.
     *
     * @param sessionId its id
     * @param sessionToken its token
     */
    public record Login(String sessionId, String sessionToken) {
        @Override
        public String toString() {
            return "Login[session " + sessionId + "]";
        }
    }

    /** @return a new user, registered through the API registration flow, with its session token */
    public Registered register() throws IOException, InterruptedException {
        return register(JsonValue.EMPTY_JSON_OBJECT, List.of());
    }

    /**
     * @param roles roles written to the identity's {@code metadata_public.roles} through the admin API (where the
     *        library's groups pointer looks by default; a user cannot write there, unlike traits)
     * @return a new user with these roles
     */
    public Registered register(List<String> roles) throws IOException, InterruptedException {
        return register(JsonValue.EMPTY_JSON_OBJECT, roles);
    }

    /**
     * @param name the {@code name} trait (of the kit's and this project's identity schema)
     * @return a new user with this name
     */
    public Registered registerNamed(String name) throws IOException, InterruptedException {
        return register(Json.createObjectBuilder().add("name", name).build(), List.of());
    }

    /**
     * @param traits traits besides the email, as the identity schema allows them
     * @param roles roles for {@code metadata_public.roles}, possibly none
     * @return a new user, with a unique email added to the traits
     */
    public Registered register(JsonObject traits, List<String> roles) throws IOException, InterruptedException {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String password = "Tr0ub4dor-" + UUID.randomUUID();
        JsonObject flow = getJson(publicUrl.resolve("/self-service/registration/api"), "start the registration flow");
        JsonObjectBuilder allTraits = Json.createObjectBuilder(traits).add("email", email);
        JsonObject body = Json.createObjectBuilder().add("method", "password").add("password", password)
                .add("traits", allTraits).build();
        JsonObject result = postJson(action(flow), body, "register");
        String identityId = result.getJsonObject("identity").getString("id");
        if (!roles.isEmpty()) {
            setRoles(identityId, roles);
        }
        return new Registered(email, password, identityId, result.getJsonObject("session").getString("id"),
                IssuedCredentials.remember(result.getString("session_token")));
    }

    /**
     * Signs in through Kratos's browser login flow, as a browser would (its anti-CSRF cookie and token included).
     *
     * @param user a registered user
     * @return the browser's cookie jar, with the session cookie Kratos set
     */
    public CookieManager browserCookies(Registered user) throws IOException, InterruptedException {
        CookieManager jar = new CookieManager();
        HttpClient browser = Http.browser(jar);
        HttpResponse<String> flowResponse = browser.send(HttpRequest.newBuilder(
                        publicUrl.resolve("/self-service/login/browser"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        Http.expect(flowResponse, 200, "start the browser login flow");
        JsonObject flow = Http.json(flowResponse.body());
        JsonObject body = Json.createObjectBuilder().add("method", "password")
                .add("identifier", user.email()).add("password", user.password())
                .add("csrf_token", csrfToken(flow)).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(action(flow))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        Http.expect(login, 200, "sign in through the browser flow");
        jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(sessionCookieName))
                .forEach(cookie -> IssuedCredentials.remember(cookie.getValue()));
        return jar;
    }

    /**
     * @param user a registered user
     * @return the session cookie of a new browser login ({@code ory_kratos_session}, or the name this client was given)
     */
    public HttpCookie browserLogin(Registered user) throws IOException, InterruptedException {
        CookieManager jar = browserCookies(user);
        return jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(sessionCookieName))
                .findFirst().orElseThrow(() -> new AssertionError("Kratos set no " + sessionCookieName + " cookie, only "
                        + jar.getCookieStore().getCookies().stream().map(HttpCookie::getName).toList()));
    }

    /**
     * @param user a registered user
     * @return a new session through the API login flow, with a new token
     */
    public Login login(Registered user) throws IOException, InterruptedException {
        return login(user, publicUrl);
    }

    /**
     * Signs an existing user in through the API login flow of another Kratos on the same database (a sibling started
     * with other settings, such as a shorter session lifespan): its session, valid for every Kratos of the database.
     *
     * @param user a registered user
     * @param kratosPublicUrl the other Kratos's public URL
     * @return the new session
     * @throws IOException when Kratos cannot be reached
     * @throws InterruptedException when interrupted
     */
    public Login login(Registered user, URI kratosPublicUrl) throws IOException, InterruptedException {
        JsonObject flow = getJson(kratosPublicUrl.resolve("/self-service/login/api"), "start the login flow");
        JsonObject body = Json.createObjectBuilder().add("method", "password")
                .add("identifier", user.email()).add("password", user.password()).build();
        JsonObject result = postJson(action(flow), body, "sign in");
        return new Login(result.getJsonObject("session").getString("id"),
                IssuedCredentials.remember(result.getString("session_token")));
    }

    /**
     * @param token a session token
     * @return the status Kratos's own whoami gives it
     */
    public int whoamiStatus(String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(publicUrl.resolve("/sessions/whoami"))
                .header("X-Session-Token", token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * @param cookie a session cookie
     * @return the status Kratos's own whoami gives it
     */
    public int whoamiStatus(HttpCookie cookie) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(publicUrl.resolve("/sessions/whoami"))
                        .header("Cookie", cookie.getName() + "=" + cookie.getValue()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * @param token a session token
     * @return Kratos's own whoami answer (status and session JSON)
     */
    public HttpResponse<String> whoami(String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(publicUrl.resolve("/sessions/whoami")).header("X-Session-Token", token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * @param uri a URL to follow as a browser with the session cookie would, without following redirects
     * @param cookie the session cookie
     * @return the response
     */
    public HttpResponse<String> browserGet(URI uri, HttpCookie cookie) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).header("Cookie", cookie.getName() + "=" + cookie.getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** @param sessionId a session to revoke through the admin API ({@code DELETE /admin/sessions/{id}}) */
    public void revoke(String sessionId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(admin(adminUrl.resolve("/admin/sessions/" + sessionId)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        Http.expect(response, 204, "revoke a session through the admin API");
    }

    /**
     * Sets {@code metadata_public.roles} through the admin API ({@code PATCH /admin/identities/{id}}), as an
     * administrator would.
     *
     * @param identityId the identity
     * @param roles its roles from now on
     */
    public void setRoles(String identityId, List<String> roles) throws IOException, InterruptedException {
        String patch = Json.createArrayBuilder().add(Json.createObjectBuilder().add("op", "add").add("path", "/metadata_public")
                .add("value", Json.createObjectBuilder().add("roles", Json.createArrayBuilder(roles)))).build().toString();
        HttpResponse<String> response = http.send(admin(adminUrl.resolve("/admin/identities/" + identityId))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build(),
                HttpResponse.BodyHandlers.ofString());
        Http.expect(response, 200, "set metadata_public through the admin API");
    }

    /**
     * @param body a JSON object as text, such as an answer of Kratos or of the application
     * @return the object
     */
    public static JsonObject parse(String body) {
        return Http.json(body);
    }

    private static URI action(JsonObject flow) {
        return URI.create(flow.getJsonObject("ui").getString("action"));
    }

    private static String csrfToken(JsonObject flow) {
        return flow.getJsonObject("ui").getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .map(node -> node.getJsonObject("attributes"))
                .filter(attributes -> "csrf_token".equals(attributes.getString("name", "")))
                .map(attributes -> attributes.getString("value"))
                .findFirst().orElseThrow(() -> new AssertionError("the login flow has no csrf_token node"));
    }

    /** A request to the admin API, with the API key when this client has one. */
    private HttpRequest.Builder admin(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (adminApiKey != null) {
            request.header("Authorization", "Bearer " + adminApiKey);
        }
        return request;
    }

    private JsonObject getJson(URI uri, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        Http.expect(response, 200, what);
        return Http.json(response.body());
    }

    private JsonObject postJson(URI uri, JsonObject body, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        Http.expect(response, 200, what);
        return Http.json(response.body());
    }
}
