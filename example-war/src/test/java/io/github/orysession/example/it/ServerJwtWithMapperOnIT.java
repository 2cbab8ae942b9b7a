package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.internal.jwt.JsonWebTokenProducer;
import io.github.orysession.jwt.SessionJsonWebToken;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * Combination 4: the JSON Web Token mapper on, and the application also uses the server's own MicroProfile JWT
 * ({@code @LoginConfig(authMethod = "MP-JWT")}, trusting {@link TestJwts}'s key). The WAR deploys without ambiguous
 * beans; a server-verified bearer JWT is what the application gets, and an Ory session is the library's
 * {@link SessionJsonWebToken}; {@code @RolesAllowed} follows whichever the request carries. Without the library's
 * Jakarta Security mechanism ({@link MechanismWithServerJwtIT} has it).
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class ServerJwtWithMapperOnIT {

    private static KratosTestClient.Registered admin;
    private static KratosTestClient.Registered plain;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive mapperOnWithLoginConfig() {
        return ExampleVariants.mapperOnWithLoginConfig();
    }

    @BeforeAll
    static void registerUsers() throws Exception {
        KratosTestClient kratos = new KratosTestClient();
        admin = kratos.register(List.of("admin", "auditor"));
        plain = kratos.register();
    }

    @Test
    void injectionIsNotAmbiguous() throws Exception {
        HttpResponse<String> response = app().get("api/beans");

        assertThat(response.statusCode()).as("GET /api/beans: %s", response.body()).isEqualTo(200);
        JsonObject beans = KratosTestClient.parse(response.body());
        assertThat(beans.getString("resolved")).as("@Inject JsonWebToken resolves to the library's producer: %s", beans)
                .startsWith(JsonWebTokenProducer.class.getName());
        assertThat(beans.getJsonArray("json_web_token_beans").getValuesAs(JsonString::getString))
                .as("the server's own JsonWebToken bean is there too (what the library's alternative wins over): %s", beans)
                .anyMatch(bean -> !bean.startsWith("io.github.orysession"));
    }

    @Test
    void aServerVerifiedJwtIsTheServersToken() throws Exception {
        String subject = "jwt-user-" + UUID.randomUUID();

        HttpResponse<String> response = app().get("api/token", "Authorization",
                "Bearer " + TestJwts.signed(subject, List.of("admin")));

        assertThat(response.statusCode()).as("GET /api/token with a signed JWT: %s", response.body()).isEqualTo(200);
        JsonObject token = KratosTestClient.parse(response.body());
        assertThat(token.getBoolean("raw_token_present")).as("@Inject JsonWebToken is the signed token: %s", token).isTrue();
        assertThat(token.getString("sub", null)).as("its subject: %s", token).isEqualTo(subject);
        assertThat(token.getString("iss", null)).as("its issuer: %s", token).isEqualTo(TestJwts.ISSUER);
        assertThat(token.getBoolean("principal_is_jwt")).as("the principal is a JsonWebToken: %s", token).isTrue();
        assertThat(token.getBoolean("principal_raw_token_present")).as("the principal is the signed token: %s", token).isTrue();
        assertThat(token.getString("principal_sub", null)).as("the principal's subject: %s", token).isEqualTo(subject);
        assertThat(token.getString("principal_type")).as("not the library's token: %s", token)
                .isNotEqualTo(SessionJsonWebToken.class.getName());
        assertThat(token.getBoolean("in_role_admin")).as("isUserInRole(admin) from the JWT's groups: %s", token).isTrue();
    }

    @Test
    void anOrySessionIsTheLibrarysToken() throws Exception {
        HttpResponse<String> response = app().get("api/token", "X-Session-Token", admin.sessionToken());

        assertThat(response.statusCode()).as("GET /api/token with X-Session-Token: %s", response.body()).isEqualTo(200);
        JsonObject token = KratosTestClient.parse(response.body());
        assertThat(token.getBoolean("raw_token_present")).as("the session token is not a signed JWT: %s", token).isFalse();
        assertThat(token.getString("sub", null)).as("sub is the identity id: %s", token).isEqualTo(admin.identityId());
        assertThat(token.getString("sid", null)).as("sid is the session id: %s", token).isEqualTo(admin.sessionId());
        assertThat(token.getString("iss", null)).as("iss is the Kratos URL: %s", token).isEqualTo(RealKratos.publicUrl().toString());
        assertThat(token.getJsonArray("groups").getValuesAs(JsonString::getString)).as("groups from metadata_public.roles: %s", token)
                .containsExactlyInAnyOrder("admin", "auditor");
        assertThat(token.getString("principal_type")).as("the principal is the library's token: %s", token)
                .isEqualTo(SessionJsonWebToken.class.getName());
        assertThat(token.getString("principal")).as("its name is the identity id: %s", token).isEqualTo(admin.identityId());
        assertThat(token.getBoolean("in_role_admin")).as("isUserInRole(admin) from metadata_public.roles: %s", token).isTrue();

        HttpResponse<String> example = app().get("api/jwt", "X-Session-Token", admin.sessionToken());
        assertThat(example.statusCode()).as("the example's @Authenticated JwtResource: %s", example.body()).isEqualTo(200);
        JsonObject claims = KratosTestClient.parse(example.body());
        assertThat(claims.getString("sid")).as("@Claim(\"sid\") in JwtResource").isEqualTo(admin.sessionId());
        assertThat(claims.getString("email")).as("@Claim(email) in JwtResource").isEqualTo(admin.email());
    }

    @Test
    void theServersJwtWinsWhenARequestCarriesBoth() throws Exception {
        String subject = "jwt-user-" + UUID.randomUUID();

        HttpResponse<String> response = app().get("api/token", "Authorization",
                "Bearer " + TestJwts.signed(subject, List.of()), "X-Session-Token", admin.sessionToken());

        assertThat(response.statusCode()).as("GET /api/token with both: %s", response.body()).isEqualTo(200);
        JsonObject token = KratosTestClient.parse(response.body());
        assertThat(token.getString("sub", null)).as("the server-verified token is injected: %s", token).isEqualTo(subject);
        assertThat(token.getString("principal", null)).as("and is the principal: %s", token).isEqualTo(subject);
    }

    @Test
    void rolesAllowedFollowsWhicheverTokenTheRequestCarries() throws Exception {
        assertStatus(app().get("api/token/admin", "X-Session-Token", admin.sessionToken()), 200, "Ory session with the role");
        HttpResponse<String> plainSession = app().get("api/token/admin", "X-Session-Token", plain.sessionToken());
        assertStatus(plainSession, 403, "Ory session without the role");
        assertThat(AppClient.reason(plainSession)).as("the library's reason").isEqualTo("missing_role");
        assertStatus(app().get("api/token/admin", "Authorization", "Bearer " + TestJwts.signed("jwt-admin", List.of("admin"))),
                200, "server-verified JWT with the role");
        assertStatus(app().get("api/token/admin", "Authorization", "Bearer " + TestJwts.signed("jwt-reader", List.of("reader"))),
                403, "server-verified JWT without the role");
        assertStatus(app().get("api/token/admin"), 401, "no credentials");
        assertStatus(app().get("api/jwt/admin", "X-Session-Token", admin.sessionToken()), 200, "example's /api/jwt/admin, admin");
        assertStatus(app().get("api/jwt/admin", "X-Session-Token", plain.sessionToken()), 403, "example's /api/jwt/admin, no role");
    }

    @Test
    void aJwtWithABadSignatureIsNotAccepted() throws Exception {
        JwtAssertions.badSignaturesAreRefused(app());
    }

    @Test
    void aServerVerifiedJwtIsNoOrySession() throws Exception {
        JwtAssertions.aServerVerifiedJwtIsNoOrySession(app());
    }

    @Test
    void authorizationBearerBelongsToTheServer() throws Exception {
        JwtAssertions.anOrySessionTokenAsBearerIsTheServersToJudge(app(), plain);
    }

    private static void assertStatus(HttpResponse<String> response, int expected, String what) {
        assertThat(response.statusCode()).as("GET %s, %s: %s", response.uri().getPath(), what, response.body()).isEqualTo(expected);
    }

    private AppClient app() {
        return new AppClient(base);
    }
}
