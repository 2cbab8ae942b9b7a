package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/** The real Kratos goes away mid-run and comes back: the example refuses with 503, then recovers by itself. */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
@Tag(TargetServer.COMPAT)
class KratosOutageIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @AfterEach
    void kratosBack() throws Exception {
        RealKratos.start();
    }

    @Test
    void kratosDownIs503NeverLetThroughAndRecoversWithoutRestart() throws Exception {
        AppClient app = new AppClient(base);
        KratosTestClient kratos = new KratosTestClient();
        KratosTestClient.Registered regular = kratos.register();
        KratosTestClient.Registered newcomer = kratos.register();
        assertThat(app.get("api/me", "X-Session-Token", regular.sessionToken()).statusCode()).as("before the outage").isEqualTo(200);

        RealKratos.stop();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> response = app.get("api/me", "X-Session-Token", newcomer.sessionToken());
            assertThat(response.statusCode()).as("request %s while Kratos is down: %s", i, response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).as("Retry-After").isPresent();
            assertThat(AppClient.reason(response)).isEqualTo("kratos_unavailable");
            assertThat(response.body()).doesNotContain(newcomer.sessionToken());
        }
        assertThat(app.get("api/public").statusCode()).as("public endpoints keep working").isEqualTo(200);
        // A session Kratos vouched for just before the outage may still be served from the cache, within its TTL
        // (Kratos's own verdict stands for that long either way); it is never extended because Kratos is away.
        Duration ttl = Duration.ofMillis(Long.getLong("it.cache.ttl.ms", 3000));
        Thread.sleep(ttl.toMillis());
        HttpResponse<String> afterTtl = app.get("api/me", "X-Session-Token", regular.sessionToken());
        assertThat(afterTtl.statusCode()).as("a cached session once its TTL is over, Kratos still down: %s", afterTtl.body())
                .isEqualTo(503);

        RealKratos.start();
        int status = 0;
        for (int attempt = 0; attempt < 100 && status != 200; attempt++) {
            status = app.get("api/me", "X-Session-Token", newcomer.sessionToken()).statusCode();
            assertThat(status).as("while the circuit breaker lets Kratos back in").isIn(200, 503);
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertThat(status).as("the same session works again once Kratos is back").isEqualTo(200);
        assertThat(app.get("api/me", "X-Session-Token", regular.sessionToken()).statusCode()).isEqualTo(200);
    }
}
