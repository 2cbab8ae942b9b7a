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

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * Combination 2: the JSON Web Token mapper off, and the application also uses the server's own MicroProfile JWT
 * ({@code @LoginConfig(authMethod = "MP-JWT")}, trusting {@link TestJwts}'s key). The server verifies bearer JWTs
 * and injects its own {@code JsonWebToken}; Ory sessions keep working on {@code @Authenticated} resources. Without the
 * library's Jakarta Security mechanism ({@link MechanismWithServerJwtIT} has it).
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class ServerJwtWithMapperOffIT {

    private static KratosTestClient.Registered user;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive mapperOffWithLoginConfig() {
        return ExampleVariants.mapperOffWithLoginConfig();
    }

    @BeforeAll
    static void registerUser() throws Exception {
        user = new KratosTestClient().register(List.of("admin"));
    }

    @Test
    void theServerVerifiesASignedJwtAndInjectsItsToken() throws Exception {
        String subject = "jwt-user-" + UUID.randomUUID();
        String jwt = TestJwts.signed(subject, List.of("admin", "reader"));

        HttpResponse<String> response = app().get("api/token", "Authorization", "Bearer " + jwt);

        assertThat(response.statusCode()).as("GET /api/token with a signed JWT: %s", response.body()).isEqualTo(200);
        JsonObject token = KratosTestClient.parse(response.body());
        assertThat(token.getBoolean("raw_token_present")).as("the injected token is the signed one: %s", token).isTrue();
        assertThat(token.getString("sub", null)).as("its subject: %s", token).isEqualTo(subject);
        assertThat(token.getString("iss", null)).as("its issuer: %s", token).isEqualTo(TestJwts.ISSUER);
        assertThat(token.getJsonArray("groups").getValuesAs(JsonString::getString)).as("its groups: %s", token)
                .containsExactlyInAnyOrder("admin", "reader");
        assertThat(token.getString("principal", null)).as("the SecurityContext principal is the JWT's caller: %s", token)
                .isEqualTo(subject);
        assertThat(token.getBoolean("in_role_admin")).as("isUserInRole(admin) from the JWT's groups: %s", token).isTrue();
    }

    @Test
    void aJwtWithABadSignatureIsNotAccepted() throws Exception {
        JwtAssertions.badSignaturesAreRefused(app());
    }

    @Test
    void orySessionsStillWorkOnAuthenticatedResources() throws Exception {
        HttpResponse<String> response = app().get("api/me", "X-Session-Token", user.sessionToken());

        assertThat(response.statusCode()).as("GET /api/me with X-Session-Token: %s", response.body()).isEqualTo(200);
        JsonObject me = KratosTestClient.parse(response.body());
        assertThat(me.getString("identity_id")).as("identity").isEqualTo(user.identityId());
        assertThat(me.getString("principal")).as("SecurityContext principal is the identity").isEqualTo(user.identityId());
        assertThat(app().get("api/me").statusCode()).as("no credentials on an @Authenticated resource").isEqualTo(401);
    }

    @Test
    void aServerVerifiedJwtIsNoOrySession() throws Exception {
        JwtAssertions.aServerVerifiedJwtIsNoOrySession(app());
    }

    @Test
    void rolesAllowedIsTheServersWithTheMapperOff() throws Exception {
        HttpResponse<String> admin = app().get("api/token/admin", "Authorization",
                "Bearer " + TestJwts.signed("jwt-admin", List.of("admin")));
        HttpResponse<String> reader = app().get("api/token/admin", "Authorization",
                "Bearer " + TestJwts.signed("jwt-reader", List.of("reader")));

        assertThat(admin.statusCode()).as("@RolesAllowed(admin) with the role in the JWT: %s", admin.body()).isEqualTo(200);
        assertThat(reader.statusCode()).as("@RolesAllowed(admin) without it: %s", reader.body()).isEqualTo(403);
    }

    @Test
    void theLibraryAddsNoJsonWebTokenBean() throws Exception {
        JsonObject beans = KratosTestClient.parse(app().get("api/beans").body());

        assertThat(beans.getJsonArray("library_jwt_beans")).as("beans from io.github.orysession.jwt: %s", beans).isEmpty();
        assertThat(beans.getString("resolved")).as("@Inject JsonWebToken resolves to the server's bean: %s", beans)
                .isNotIn("none", "ambiguous").doesNotStartWith("io.github.orysession");
    }

    @Test
    void authorizationBearerBelongsToTheServer() throws Exception {
        JwtAssertions.anOrySessionTokenAsBearerIsTheServersToJudge(app(), user);
    }

    private AppClient app() {
        return new AppClient(base);
    }
}
