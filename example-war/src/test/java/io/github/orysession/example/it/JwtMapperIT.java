package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

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
 * The JSON Web Token mapper and Kratos's tokenizer, on a real server against the real Kratos: the session as the
 * server's {@code JsonWebToken}, {@code @Claim}s, roles from {@code metadata_public.roles}, and the Kratos-signed JWT.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
@Tag(TargetServer.COMPAT)
class JwtMapperIT {

    private static final HttpClient HTTP = TestHttp.client();
    private static final KratosTestClient KRATOS = new KratosTestClient();
    private static KratosTestClient.Registered admin;
    private static KratosTestClient.Registered plain;

    @ArquillianResource
    URL base;

    /** The example with Kratos's session tokenizer turned on (the example ships with it off). */
    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleVariants.withConfig(ExampleDeployment.war(), "ory.session.tokenize-as=jwt_example");
    }

    @BeforeAll
    static void registerUsers() throws Exception {
        admin = KRATOS.register(List.of("admin", "auditor"));
        plain = KRATOS.register();
    }

    @Test
    void theSessionIsTheInjectedJsonWebToken() throws Exception {
        HttpResponse<String> response = get("api/jwt", admin.sessionToken());

        assertThat(response.statusCode()).as("GET /api/jwt: %s", response.body()).isEqualTo(200);
        JsonObject jwt = KratosTestClient.parse(response.body());
        assertThat(jwt.getString("sub")).as("sub is the identity id").isEqualTo(admin.identityId());
        assertThat(jwt.getString("name")).as("the name is the subject").isEqualTo(admin.identityId());
        assertThat(jwt.getString("sid")).as("@Claim(\"sid\") is the session id").isEqualTo(admin.sessionId());
        assertThat(jwt.getString("jti")).as("jti is the session id").isEqualTo(admin.sessionId());
        assertThat(jwt.getString("iss")).as("iss is the Kratos URL").isEqualTo(RealKratos.publicUrl().toString());
        assertThat(jwt.getString("email")).as("@Claim(email)").isEqualTo(admin.email());
        assertThat(jwt.getString("acr")).isEqualTo("aal1");
        assertThat(jwt.getJsonArray("amr").getValuesAs(JsonString::getString)).containsExactly("password");
        assertThat(jwt.getJsonArray("groups").getValuesAs(JsonString::getString)).as("groups from metadata_public.roles")
                .containsExactlyInAnyOrder("admin", "auditor");
        long iat = jwt.getJsonNumber("iat").longValue();
        assertThat(jwt.getJsonNumber("exp").longValue()).as("exp after iat").isGreaterThan(iat);
        assertThat(jwt.getJsonNumber("auth_time").longValue()).as("auth_time near iat").isBetween(iat - 60, iat + 60);
        assertThat(jwt.getBoolean("principal_is_jwt")).as("SecurityContext principal is a JsonWebToken").isTrue();
        assertThat(jwt.getString("principal")).isEqualTo(admin.identityId());
        assertThat(jwt.getBoolean("in_role_admin")).as("isUserInRole(admin)").isTrue();
    }

    @Test
    void aUserWithoutRolesHasNoGroups() throws Exception {
        JsonObject jwt = KratosTestClient.parse(get("api/jwt", plain.sessionToken()).body());

        assertThat(jwt.getJsonArray("groups")).as("no roles in metadata_public, no groups").isEmpty();
        assertThat(jwt.getBoolean("in_role_admin")).isFalse();
    }

    @Test
    void rolesAllowedFollowsTheGroups() throws Exception {
        HttpResponse<String> allowed = get("api/jwt/admin", admin.sessionToken());
        HttpResponse<String> forbidden = get("api/jwt/admin", plain.sessionToken());
        HttpResponse<String> anonymous = get("api/jwt/admin", null);

        assertThat(allowed.statusCode()).as("admin with the role: %s", allowed.body()).isEqualTo(200);
        assertThat(forbidden.statusCode()).as("signed in without the role is 403, not 401: %s", forbidden.body()).isEqualTo(403);
        assertThat(KratosTestClient.parse(forbidden.body()).getJsonObject("error").getString("reason")).isEqualTo("missing_role");
        assertThat(anonymous.statusCode()).as("no session is 401: %s", anonymous.body()).isEqualTo(401);
    }

    @Test
    void theKratosSignedJwtVerifiesAgainstTheTemplatesKey() throws Exception {
        HttpResponse<String> response = get("api/jwt/tokenized", admin.sessionToken());
        assertThat(response.statusCode()).as("GET /api/jwt/tokenized: %s", response.body()).isEqualTo(200);
        String token = KratosTestClient.parse(response.body()).getString("tokenized");
        String[] parts = token.split("\\.");
        assertThat(parts).as("a compact JWS").hasSize(3);

        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(templatePublicKey());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2])))
                .as("the signature verifies with kratos/tokenizer-test-only.public.jwks.json").isTrue();

        JsonObject header = KratosTestClient.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        JsonObject claims = KratosTestClient.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(header.getString("alg")).isEqualTo("ES256");
        assertThat(claims.getString("sub")).as("sub").isEqualTo(admin.identityId());
        assertThat(claims.getString("sid")).as("sid").isEqualTo(admin.sessionId());
        assertThat(claims.getJsonArray("groups").getValuesAs(JsonString::getString)).as("groups from the claims mapper")
                .containsExactlyInAnyOrder("admin", "auditor");
    }

    private static PublicKey templatePublicKey() throws Exception {
        Path jwks = Path.of(System.getProperty("kratos.dir", "../kratos"), "tokenizer-test-only.public.jwks.json");
        JsonObject key = KratosTestClient.parse(Files.readString(jwks)).getJsonArray("keys").getJsonObject(0);
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(key.getString("x"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.getString("y"))));
        return KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Loopback.of(base).resolve(path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("X-Session-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
