package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * Many sessions at once over loopback: every answer carries exactly the identity of the credential sent, and a
 * healthy Kratos causes no 5xx. Bounded: {@value #SESSIONS} sessions, {@value #CLIENTS} clients,
 * {@value #REQUESTS} requests.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class ConcurrencyIT {

    static final int SESSIONS = 200;
    static final int CLIENTS = 64;
    static final int REQUESTS = 10_000;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @Test
    void everyAnswerCarriesTheIdentityOfItsOwnCredential() throws Exception {
        KratosTestClient kratos = new KratosTestClient();
        List<KratosTestClient.Registered> users = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            users.add(kratos.register());
        }
        AppClient app = new AppClient(base);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger wrongIdentity = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                        KratosTestClient.Registered user = users.get(i % SESSIONS);
                        HttpResponse<String> response = i % 2 == 0
                                ? app.get("api/me", "X-Session-Token", user.sessionToken())
                                : app.get("api/me", "Authorization", "Bearer " + user.sessionToken());
                        if (response.statusCode() >= 500) {
                            serverErrors.incrementAndGet();
                        } else if (response.statusCode() == 200
                                && KratosTestClient.parse(response.body()).getString("identity_id").equals(user.identityId())) {
                            ok.incrementAndGet();
                        } else {
                            wrongIdentity.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(serverErrors.get()).as("5xx answers while Kratos is healthy").isZero();
        assertThat(wrongIdentity.get()).as("answers with another identity or a refusal").isZero();
        assertThat(ok.get()).as("answers with the right identity").isEqualTo(REQUESTS);
    }
}
