package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * At most one whoami call per request, counted in Kratos's own request log, when a request meets both the Jakarta
 * Security mechanism and the JAX-RS filter (and {@code OrySession}, and Jakarta Security's {@code SecurityContext}).
 * The example runs with its session cache off here, so that a second lookup in the same request would reach Kratos
 * instead of hiding in the cache; a request whose session falls short of a requirement is asked exactly once more,
 * which shows that the count does see a second call.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class WhoamiPerRequestIT {

    private static final KratosTestClient KRATOS = new KratosTestClient();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive uncached() {
        return ExampleVariants.uncached();
    }

    @Test
    void aRequestThroughTheMechanismAndTheJaxRsFilterAsksKratosOnce() throws Exception {
        String token = KRATOS.register().sessionToken();

        // /api/me: the mechanism (the resource is open to it, the request has a credential) and @Authenticated.
        assertThat(whoamiCalls("api/me", token, 200)).as("whoami calls for GET /api/me").isEqualTo(1);
        // The Faces page: the mechanism (protected), then SecurityContext and OrySession in the page's bean.
        assertThat(whoamiCalls("account.xhtml", token, 200)).as("whoami calls for GET /account.xhtml").isEqualTo(1);
        // The servlet: the mechanism, then SecurityContext and OrySession.
        assertThat(whoamiCalls("servlet/me", token, 200)).as("whoami calls for GET /servlet/me").isEqualTo(1);
        // A credential Kratos refuses: the mechanism leaves the request anonymous, the filter refuses it; one call.
        assertThat(whoamiCalls("api/me", "ory_st_notASessionnotASessionnotASess0", 401))
                .as("whoami calls for a refused token").isEqualTo(1);
    }

    @Test
    void theCountSeesASecondCallWhereThereIsOne() throws Exception {
        String aal1 = KRATOS.register().sessionToken();

        // Short of @Authenticated(aal = AAL2): asked again once before the 403, in case a cache predates a step-up.
        assertThat(whoamiCalls("api/sensitive/aal2", aal1, 403)).as("whoami calls for an aal1 session on an aal2 resource")
                .isEqualTo(2);
        assertThat(whoamiCalls("second-factor.xhtml", aal1, 403)).as("the same on the mechanism's aal2 page").isEqualTo(2);
    }

    private long whoamiCalls(String path, String token, int expectedStatus) throws Exception {
        long before = KratosLog.whoamiCallsFromApplications();
        HttpResponse<String> response = new AppClient(base).get(path, "X-Session-Token", token);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(expectedStatus);
        return KratosLog.whoamiCallsFromApplications() - before;
    }
}
