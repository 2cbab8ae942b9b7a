package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

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
 * Payara only (Open Liberty refuses the combination: {@link MechanismWithServerJwtRefusedIT}). The library's Jakarta
 * Security mechanism beside Payara's own MicroProfile JWT ({@code @LoginConfig(authMethod = "MP-JWT")}, which makes
 * Payara add its JWT mechanism as a second {@code HttpAuthenticationMechanism} bean): the library's is the one Payara
 * calls, and it hands a request with a bearer JWT to Payara's, which verifies it. So the same web.xml constraint and
 * the same {@code @RolesAllowed} admit a caller with a signed JWT and a caller with an Ory session.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class MechanismWithServerJwtIT {

    private static KratosTestClient.Registered admin;
    private static KratosTestClient.Registered plain;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive mechanismWithLoginConfig() {
        return ExampleVariants.mechanismWithLoginConfig();
    }

    @BeforeAll
    static void users() throws Exception {
        KratosTestClient kratos = new KratosTestClient();
        admin = kratos.register(List.of("admin"));
        plain = kratos.register();
    }

    @Test
    void aSignedJwtIsVerifiedByTheServerAndItsGroupsAreTheRolesOfWebXmlConstraints() throws Exception {
        String subject = "jwt-admin-" + UUID.randomUUID();
        HttpResponse<String> allowed = app().get("servlet/admin", "Authorization", "Bearer " + TestJwts.signed(subject, List.of("admin")));
        HttpResponse<String> refused = app().get("servlet/admin", "Authorization",
                "Bearer " + TestJwts.signed("jwt-reader", List.of("reader")));

        assertThat(allowed.statusCode()).as("web.xml role admin, JWT with the group: %s", allowed.body()).isEqualTo(200);
        JsonObject caller = KratosTestClient.parse(allowed.body());
        assertThat(caller.getString("identity_id")).as("the caller is the JWT's subject").isEqualTo(subject);
        assertThat(caller.getBoolean("admin")).isTrue();
        assertThat(refused.statusCode()).as("web.xml role admin, JWT without it: %s", refused.body()).isEqualTo(403);

        HttpResponse<String> token = app().get("api/token", "Authorization", "Bearer " + TestJwts.signed(subject, List.of()));
        JsonObject injected = KratosTestClient.parse(token.body());
        assertThat(injected.getBoolean("raw_token_present")).as("the server's own JsonWebToken: %s", injected).isTrue();
        assertThat(injected.getString("principal")).as("and its caller: %s", injected).isEqualTo(subject);
    }

    @Test
    void aJwtWithABadSignatureIsRefusedByTheServersMechanism() throws Exception {
        for (String forged : List.of(TestJwts.signedByAnotherKey("someone", List.of("admin")),
                TestJwts.tampered("someone", List.of("admin")))) {
            HttpResponse<String> response = app().get("servlet/admin", "Authorization", "Bearer " + forged);
            assertThat(response.statusCode()).as("a forged JWT on a protected servlet: %s", response.body()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("someone");
        }
    }

    @Test
    void anOrySessionIsTheLibrarysCallerForTheSameConstraints() throws Exception {
        HttpResponse<String> me = app().get("servlet/me", "X-Session-Token", plain.sessionToken());
        assertThat(me.statusCode()).as("/servlet/me with X-Session-Token: %s", me.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(me.body()).getString("identity_id")).isEqualTo(plain.identityId());

        assertThat(app().get("servlet/admin", "X-Session-Token", admin.sessionToken()).statusCode())
                .as("web.xml role admin from metadata_public.roles").isEqualTo(200);
        assertThat(app().get("servlet/admin", "X-Session-Token", plain.sessionToken()).statusCode())
                .as("no admin role").isEqualTo(403);
    }

    @Test
    void anOrySessionTokenAsBearerIsTheLibrarysNowThatItsMechanismReadsTheRequestFirst() throws Exception {
        // Without the mechanism, Payara's MP-JWT answers 401 to any bearer value that is not a valid JWT
        // (ServerJwtWithMapperOffIT); with it, only a bearer value shaped like a JWT goes to Payara's mechanism.
        HttpResponse<String> response = app().get("api/me", "Authorization", "Bearer " + plain.sessionToken());

        assertThat(response.statusCode()).as("an Ory session token as bearer: %s", response.body()).isEqualTo(200);
        assertThat(response.body()).contains(plain.identityId()).doesNotContain(plain.sessionToken());
    }

    @Test
    void noCredentialsOnAProtectedServletIsTheLibrarys401() throws Exception {
        HttpResponse<String> response = app().get("servlet/me");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(AppClient.reason(response)).isEqualTo("no_credentials");
    }

    private AppClient app() {
        return new AppClient(base);
    }
}
