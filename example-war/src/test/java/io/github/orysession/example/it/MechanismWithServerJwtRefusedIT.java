package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.RealKratos;

/**
 * Open Liberty only ({@link MechanismWithServerJwtIT} is Payara's side). Liberty's MicroProfile JWT is no Jakarta
 * Security mechanism bean the library's could hand bearer JWTs to: Liberty takes {@code @LoginConfig(authMethod =
 * "MP-JWT")} for the application's login configuration and refuses any {@code HttpAuthenticationMechanism} beside it,
 * failing the deployment with {@code CWWKS1931E}. This test pins that down, so that the documentation's statement
 * stays true for the Liberty version the build uses.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class MechanismWithServerJwtRefusedIT {

    @Deployment(testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive mechanismWithLoginConfig() {
        return ExampleVariants.mechanismWithLoginConfig();
    }

    @Test
    void libertyRefusesTheDeploymentSayingWhy() throws Exception {
        Path log = Path.of(System.getProperty("liberty.home"), "usr", "servers", System.getProperty("liberty.server.name"),
                "logs", "messages.log");
        List<String> refusals = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("CWWKS1931E") && line.contains("mechanism-login-config")).toList();

        assertThat(refusals).as("Liberty's reason in %s", log).isNotEmpty();
        assertThat(refusals.get(0)).contains("login-config").contains("HttpAuthenticationsMechanism");
    }
}
