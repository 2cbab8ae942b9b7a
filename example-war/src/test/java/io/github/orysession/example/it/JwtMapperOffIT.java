package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;

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
 * Combination 1: the JSON Web Token mapper off ({@code ory.jwt.enabled=false}), no {@code @LoginConfig}. The WAR
 * deploys next to the server's own MicroProfile JWT, Ory sessions work, and the library adds no JWT bean at all.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class JwtMapperOffIT {

    private static KratosTestClient.Registered user;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive mapperOff() {
        return ExampleVariants.mapperOff();
    }

    @BeforeAll
    static void registerUser() throws Exception {
        user = new KratosTestClient().register(List.of("admin"));
    }

    @Test
    void orySessionsWork() throws Exception {
        HttpResponse<String> response = new AppClient(base).get("api/me", "X-Session-Token", user.sessionToken());

        assertThat(response.statusCode()).as("GET /api/me with X-Session-Token: %s", response.body()).isEqualTo(200);
        JsonObject me = KratosTestClient.parse(response.body());
        assertThat(me.getString("identity_id")).as("identity").isEqualTo(user.identityId());
        assertThat(me.getString("principal")).as("SecurityContext principal is the identity").isEqualTo(user.identityId());
        assertThat(new AppClient(base).get("api/me").statusCode()).as("no credentials").isEqualTo(401);
    }

    @Test
    void theLibraryAddsNoJsonWebTokenBean() throws Exception {
        HttpResponse<String> response = new AppClient(base).get("api/beans");

        assertThat(response.statusCode()).as("GET /api/beans: %s", response.body()).isEqualTo(200);
        JsonObject beans = KratosTestClient.parse(response.body());
        assertThat(beans.getJsonArray("library_jwt_beans")).as("beans from io.github.orysession.jwt with the mapper off: %s",
                beans).isEmpty();
        List<String> tokenBeans = beans.getJsonArray("json_web_token_beans").getValuesAs(JsonString::getString);
        assertThat(tokenBeans).as("JsonWebToken beans: %s", beans).noneMatch(bean -> bean.startsWith("io.github.orysession"));
        if (TargetServer.current().family() == TargetServer.Family.PAYARA) {
            assertThat(tokenBeans).as("Payara adds its own only for @LoginConfig(authMethod = \"MP-JWT\"): %s", beans)
                    .isEmpty();
        } else {
            assertThat(tokenBeans).as("Liberty's mpJwt feature adds its own, always: %s", beans).singleElement()
                    .asString().startsWith("com.ibm.ws.security.mp.jwt.");
        }
    }
}
