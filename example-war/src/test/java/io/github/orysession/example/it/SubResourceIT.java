package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.example.OrdersResource;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * What JAX-RS serves through a sub-resource locator, or through methods whose annotations sit on a resource
 * interface, is protected as the locator chain and the interface say, on a real server against the real Kratos: the
 * example's {@code OrdersResource} ({@code @Authenticated} class, a {@code @RolesAllowed("admin")} locator, plain
 * sub-resources) and {@code ReportsResource} (its {@code ReportsApi} interface carries {@code @Authenticated} and
 * {@code @RolesAllowed}).
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class SubResourceIT {

    private static final KratosTestClient KRATOS = new KratosTestClient();
    private static KratosTestClient.Registered admin;
    private static KratosTestClient.Registered plain;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @BeforeAll
    static void registerUsers() throws Exception {
        admin = KRATOS.register(List.of("admin"));
        plain = KRATOS.register();
    }

    @Test
    void aSubResourceOfAnAuthenticatedLocatorNeedsTheSession() throws Exception {
        HttpResponse<String> anonymous = app().get("api/orders/7");
        HttpResponse<String> signedIn = app().get("api/orders/7", "X-Session-Token", plain.sessionToken());

        assertThat(anonymous.statusCode()).as("no session, through the locator: %s", anonymous.body()).isEqualTo(401);
        assertThat(AppClient.reason(anonymous)).isEqualTo("no_credentials");
        assertThat(signedIn.statusCode()).as("with a session, through the locator: %s", signedIn.body()).isEqualTo(200);
        assertThat(KratosTestClient.parse(signedIn.body()).getString("owner")).as("the sub-resource sees the caller")
                .isEqualTo(plain.identityId());
    }

    @Test
    void theLocatorDoesNoWorkForACallerWithoutASession() throws Exception {
        HttpResponse<String> anonymous = app().get("api/orders/" + OrdersResource.MISSING);
        HttpResponse<String> signedIn = app().get("api/orders/" + OrdersResource.MISSING, "X-Session-Token", plain.sessionToken());

        assertThat(anonymous.statusCode()).as("no session: 401 before the locator looks the order up, not 404: %s",
                anonymous.body()).isEqualTo(401);
        assertThat(signedIn.statusCode()).as("with a session the locator runs and finds no such order").isEqualTo(404);
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheLoginFromASubResource() throws Exception {
        URI page = app().uri("api/orders/7");
        RawRequest.Answer answer = RawRequest.get(page).asBrowserNavigation().send();

        assertThat(answer.status()).as("browser, no session, through the locator: %s", answer.body()).isEqualTo(303);
        assertThat(answer.header("Location")).contains(ExpectedLogin.of(RealKratos.publicUrl(), null, page.toString()));
    }

    @Test
    void theRolesOfALocatorGuardItsSubResource() throws Exception {
        HttpResponse<String> allowed = app().get("api/orders/7/audit", "X-Session-Token", admin.sessionToken());
        HttpResponse<String> forbidden = app().get("api/orders/7/audit", "X-Session-Token", plain.sessionToken());
        HttpResponse<String> anonymous = app().get("api/orders/7/audit");

        assertThat(allowed.statusCode()).as("admin, through the @RolesAllowed locator: %s", allowed.body()).isEqualTo(200);
        assertThat(forbidden.statusCode()).as("signed in without the role: %s", forbidden.body()).isEqualTo(403);
        assertThat(AppClient.reason(forbidden)).isEqualTo("missing_role");
        assertThat(anonymous.statusCode()).as("no session: %s", anonymous.body()).isEqualTo(401);
    }

    @Test
    void anAuthenticatedResourceInterfaceProtectsItsImplementation() throws Exception {
        HttpResponse<String> anonymous = app().get("api/reports");
        HttpResponse<String> signedIn = app().get("api/reports", "X-Session-Token", plain.sessionToken());

        assertThat(anonymous.statusCode()).as("no session, @Authenticated on the interface: %s", anonymous.body())
                .isEqualTo(401);
        assertThat(signedIn.statusCode()).as("with a session: %s", signedIn.body()).isEqualTo(200);
    }

    @Test
    void rolesOnAResourceInterfaceMethodAreEnforced() throws Exception {
        HttpResponse<String> allowed = app().get("api/reports/salaries", "X-Session-Token", admin.sessionToken());
        HttpResponse<String> forbidden = app().get("api/reports/salaries", "X-Session-Token", plain.sessionToken());
        HttpResponse<String> anonymous = app().get("api/reports/salaries");

        assertThat(allowed.statusCode()).as("admin: %s", allowed.body()).isEqualTo(200);
        assertThat(forbidden.statusCode()).as("without the role, @RolesAllowed on the interface method: %s",
                forbidden.body()).isEqualTo(403);
        assertThat(anonymous.statusCode()).as("no session: %s", anonymous.body()).isEqualTo(401);
    }

    private AppClient app() {
        return new AppClient(base);
    }
}
