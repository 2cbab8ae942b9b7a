package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * The example on its own Payara Micro ({@code payara-faults} in arquillian.xml), whose Kratos URL is
 * {@link FaultyKratos}: Kratos hanging, rate-limiting, failing and answering garbage. Each is refused with the
 * status that says what happened, never 401, never let through, and the application recovers by itself.
 * That server runs with a 1 s read timeout and a circuit breaker that opens after 3 failures for 3 s.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class FaultInjectionIT {

    static final int BREAKER_THRESHOLD = 3;

    private static FaultyKratos kratos;
    private static KratosTestClient.Registered user;

    @ArquillianResource
    @OperateOnDeployment("faults")
    URL base;

    @Deployment(name = "faults", testable = false)
    @TargetsContainer("payara-faults")
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @BeforeAll
    static void stub() throws Exception {
        kratos = new FaultyKratos(FaultyKratos.port());
        user = new KratosTestClient().register();
    }

    @AfterAll
    static void stopStub() {
        kratos.close();
    }

    @BeforeEach
    void healthy() throws Exception {
        recover();
    }

    @Test
    void hangingKratosIs503WithRetryAfter() throws Exception {
        kratos.mode(FaultyKratos.Mode.HANG);

        HttpResponse<String> response = me(user.sessionToken());

        assertThat(response.statusCode()).as("hanging Kratos: %s", response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(AppClient.reason(response)).isEqualTo("kratos_unavailable");
    }

    @Test
    void rateLimitedKratosIs429WithItsRetryAfter() throws Exception {
        kratos.mode(FaultyKratos.Mode.RATE_LIMITED);

        HttpResponse<String> response = me(user.sessionToken());

        assertThat(response.statusCode()).as("Kratos 429: %s", response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).as("Kratos's Retry-After passed on").contains("7");
        assertThat(AppClient.reason(response)).isEqualTo("kratos_rate_limited");
    }

    @Test
    void serverErrorsAndGarbageAre502() throws Exception {
        for (FaultyKratos.Mode mode : new FaultyKratos.Mode[] {FaultyKratos.Mode.SERVER_ERROR, FaultyKratos.Mode.GARBAGE,
                FaultyKratos.Mode.TRUNCATED, FaultyKratos.Mode.EMPTY}) {
            recover();
            kratos.mode(mode);
            for (String token : new String[] {user.sessionToken(), "ory_st_forgedForgedForgedForgedForged01"}) {
                HttpResponse<String> response = me(token);
                assertThat(response.statusCode()).as("%s: %s", mode, response.body()).isEqualTo(502);
                assertThat(AppClient.reason(response)).isEqualTo("kratos_bad_response");
            }
        }
    }

    @Test
    void aRedirectFromKratosIsNeverFollowed() throws Exception {
        kratos.mode(FaultyKratos.Mode.REDIRECT);
        for (String token : new String[] {user.sessionToken(), "ory_st_forgedForgedForgedForgedForged01"}) {
            HttpResponse<String> response = me(token);
            assertThat(response.statusCode()).as("whoami answered 307: %s", response.body()).isEqualTo(502);
            assertThat(AppClient.reason(response)).isEqualTo("kratos_bad_response");
        }

        kratos.mode(FaultyKratos.Mode.REDIRECT_SESSIONS);
        HttpResponse<String> sessions = new AppClient(base).get("api/sessions", "X-Session-Token", user.sessionToken());
        assertThat(sessions.statusCode()).as("GET /sessions answered 307: %s", sessions.body()).isEqualTo(502);

        assertThat(kratos.hitsElsewhere()).as("requests, each carrying the session token, that followed Kratos's redirect")
                .isZero();
    }

    @Test
    void aDeadKratosOpensTheBreakerSoThreadsAreNotTiedUp() throws Exception {
        kratos.mode(FaultyKratos.Mode.HANG);
        int before = kratos.hits();

        for (int i = 0; i < BREAKER_THRESHOLD + 4; i++) {
            assertThat(me(user.sessionToken()).statusCode()).as("request %s", i).isEqualTo(503);
        }

        assertThat(kratos.hits() - before).as("calls that reached the hanging Kratos before the breaker opened")
                .isEqualTo(BREAKER_THRESHOLD);
        HttpResponse<String> ready = root("health/ready");
        assertThat(ready.statusCode()).as("readiness while Kratos is dead: %s", ready.body()).isEqualTo(503);
        assertThat(ready.body()).contains("ory-kratos").contains("DOWN");
    }

    @Test
    void readinessIsUpAndMetricsCountWhenKratosIsHealthy() throws Exception {
        HttpResponse<String> ready = root("health/ready");
        assertThat(ready.statusCode()).as("readiness: %s", ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("ory-kratos");

        HttpResponse<String> metrics = root("metrics?scope=application");
        assertThat(metrics.statusCode()).as("metrics endpoint").isEqualTo(200);
        assertThat(metrics.body()).as("metrics: %s", metrics.body())
                .contains("ory_session_whoami_calls").contains("ory_session_failures_unavailable");
    }

    /** Back to the real Kratos, and wait until the breaker lets requests through again: recovery without restart. */
    private void recover() throws Exception {
        kratos.mode(FaultyKratos.Mode.PROXY);
        int status = 0;
        for (int attempt = 0; attempt < 60 && status != 200; attempt++) {
            status = me(user.sessionToken()).statusCode();
            if (status != 200) {
                assertThat(status).as("while recovering").isEqualTo(503);
                Thread.sleep(200);
            }
        }
        assertThat(status).as("the application recovered once Kratos did").isEqualTo(200);
    }

    private HttpResponse<String> me(String token) throws Exception {
        return new AppClient(base).get("api/me", "X-Session-Token", token);
    }

    private HttpResponse<String> root(String path) throws Exception {
        URI server = Loopback.of(base).resolve("/" + path);
        return TestHttp.client().send(HttpRequest.newBuilder(server).build(), HttpResponse.BodyHandlers.ofString());
    }
}
