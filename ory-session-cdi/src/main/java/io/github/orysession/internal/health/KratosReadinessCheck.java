package io.github.orysession.internal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.github.orysession.internal.client.KratosSessionClient;

/**
 * Readiness (not liveness): the application cannot authenticate anyone while Kratos is unreachable, so it
 * should get no traffic, but restarting it would not help. Reports DOWN while the circuit breaker is open, or when
 * a whoami without credentials (which works on self-hosted Kratos and Ory Network alike) gets neither {@code 401}
 * nor {@code 200}. Added by the extension only when the server has MicroProfile Health.
 */
@Readiness
@ApplicationScoped
public class KratosReadinessCheck implements HealthCheck {

    private final KratosSessionClient client;

    /** For the CDI proxy only. */
    protected KratosReadinessCheck() {
        this.client = null;
    }

    /**
     * @param client the Kratos client
     */
    @Inject
    public KratosReadinessCheck(KratosSessionClient client) {
        this.client = client;
    }

    @Override
    public HealthCheckResponse call() {
        String problem = client.probe();
        return HealthCheckResponse.named("ory-kratos")
                .status(problem == null)
                .withData("kratos", client.kratosUrl().toString())
                .withData("circuit", client.isCircuitOpen() ? "open" : "closed")
                .withData("problem", problem == null ? "none" : problem)
                .build();
    }
}
