package io.github.orysession.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.RefusalReason;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.metrics.SessionMetrics;

/**
 * Kratos's whoami {@code 403}s: {@code session_aal2_required} (Kratos configured with
 * {@code session.whoami.required_aal: highest_available}) is kept apart with Kratos's error, any other is an
 * invalid session. The bodies are the ones Kratos v1.3.1 writes.
 */
class KratosAssuranceLevelTest {

    private static final String AAL2_REQUIRED = """
            {"error":{"id":"session_aal2_required","code":403,"status":"Forbidden",
             "reason":"An active session was found but it does not fulfill the requested Authenticator Assurance Level. Please verify yourself with a second factor to resolve this issue.",
             "message":"Session does not fulfill the requested Authenticator Assurance Level",
             "details":{"redirect_browser_to":"http://127.0.0.1:4433/self-service/login/browser?aal=aal2"}},
             "redirect_browser_to":"http://127.0.0.1:4433/self-service/login/browser?aal=aal2"}""";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void kratossAal2RefusalKeepsItsError() throws IOException {
        WhoamiResult result = client(403, AAL2_REQUIRED).whoami(Credentials.ofToken("tok"));

        assertThat(result.session()).as("no session").isNull();
        assertThat(result.rejection()).as("rejection").isEqualTo(RefusalReason.SESSION_AAL2_REQUIRED);
        assertThat(result.error()).as("Kratos's error").isNotNull();
        assertThat(result.error().id()).isEqualTo("session_aal2_required");
        assertThat(result.error().redirectBrowserTo()).isEqualTo("http://127.0.0.1:4433/self-service/login/browser?aal=aal2");
    }

    @Test
    void anyOther403IsAnInvalidSession() throws IOException {
        WhoamiResult result = client(403, """
                {"error":{"id":"security_csrf_violation","code":403,"status":"Forbidden"}}""").whoami(Credentials.ofToken("tok"));

        assertThat(result.rejection()).as("not a step-up").isEqualTo(RefusalReason.INVALID_SESSION);
    }

    @Test
    void a403WithoutAKratosBodyIsAnInvalidSession() throws IOException {
        assertThat(client(403, "<html>Forbidden</html>").whoami(Credentials.ofToken("tok")).rejection())
                .as("a proxy's HTML 403").isEqualTo(RefusalReason.INVALID_SESSION);
    }

    @Test
    void a401IsAnInvalidSessionWhateverItsBodySays() throws IOException {
        assertThat(client(401, AAL2_REQUIRED).whoami(Credentials.ofToken("tok")).rejection())
                .as("only a 403 can be a step-up").isEqualTo(RefusalReason.INVALID_SESSION);
    }

    private KratosSessionClient client(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sessions/whoami", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new KratosSessionClient(OryConfig.defaults(url), new SessionMetrics());
    }
}
