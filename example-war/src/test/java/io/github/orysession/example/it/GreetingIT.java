package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * The integration test of docs/testing.md, as an application would write it with the testing kit alone: a real
 * Kratos, a registered user, the application deployed by Arquillian, and its {@code @Authenticated} resource called
 * with the user's session token.
 */
@ExtendWith(ServerLogs.class) // the example's log scan, not part of the sample
// sample:start
@ExtendWith({RealKratos.class, ArquillianExtension.class})
class GreetingIT {

    static final KratosTestClient KRATOS = new KratosTestClient();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/example.war"));
    }

    @Test
    void greetsTheSignedInUser() throws Exception {
        KratosTestClient.Registered ada = KRATOS.register();
        URI app = URI.create("http://127.0.0.1:" + base.getPort() + base.getPath().replaceAll("/*$", "/")); // loopback
        URI greeting = app.resolve("api/me/greeting");

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(greeting)
                .header("X-Session-Token", ada.sessionToken()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Hello, " + ada.email());
    }
}
// sample:end
