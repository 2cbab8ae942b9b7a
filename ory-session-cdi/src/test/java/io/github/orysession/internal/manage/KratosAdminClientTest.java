package io.github.orysession.internal.manage;

import static io.github.orysession.internal.manage.KratosFrontendClientTest.IDENTITY;
import static io.github.orysession.internal.manage.KratosFrontendClientTest.S1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.InvalidRequestException;
import io.github.orysession.KratosApiException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.internal.config.AdminConfig;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.manage.PageRequest;
import io.github.orysession.manage.SessionFilter;
import io.github.orysession.manage.SessionPage;
import io.github.orysession.model.Session;

/**
 * The admin calls against a local stub: the API key as a bearer token, Kratos's two ways of answering an extension,
 * and a refused API key as a misconfiguration (502), never the client's fault.
 */
class KratosAdminClientTest {

    private static final String KEY = "ory_pat_secret-api-key-value";

    private KratosStub stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void theApiKeyIsSentAsABearerTokenOnEveryCall() throws IOException {
        stub = new KratosStub(exchange -> KratosStub.respond(exchange,
                exchange.getRequestMethod().equals("GET") ? 200 : 204,
                exchange.getRequestURI().getPath().endsWith("/sessions") ? "[]" : KratosStub.session(S1, IDENTITY)));
        KratosAdminClient client = client(KEY);

        client.getSession(S1);
        client.extendSession(S1);
        client.disableSession(S1);
        client.listIdentitySessions(IDENTITY, SessionFilter.ALL, PageRequest.first());
        client.deleteIdentitySessions(IDENTITY);

        assertThat(stub.requests()).hasSize(5).allSatisfy(request ->
                assertThat(request.header("Authorization")).as("%s %s", request.method(), request.path())
                        .isEqualTo("Bearer " + KEY));
        assertThat(stub.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET /admin/sessions/" + S1, "PATCH /admin/sessions/" + S1 + "/extend", "DELETE /admin/sessions/" + S1,
                "GET /admin/identities/" + IDENTITY + "/sessions", "DELETE /admin/identities/" + IDENTITY + "/sessions");
        assertThat(stub.requests().get(0).query()).as("identity and devices").isEqualTo("expand=identity&expand=devices");
    }

    @Test
    void withoutAnApiKeyNoAuthorizationIsSent() throws IOException {
        stub = KratosStub.answering(200, KratosStub.session(S1, IDENTITY));

        client(null).getSession(S1);
        client(null).extendSession(S1);

        assertThat(stub.requests()).allSatisfy(request -> assertThat(request.header("Authorization")).isNull());
    }

    @Test
    void aRefusedApiKeyIsBadGatewayAndNoMessageHasTheKey() throws IOException {
        for (int status : new int[] {401, 403}) {
            stub = KratosStub.answering(status, "{\"error\":{\"code\":" + status + ",\"message\":\"The request could not be authorized\"}}");

            assertThatThrownBy(() -> client(KEY).getSession(S1)).as("HTTP %s", status)
                    .isInstanceOfSatisfying(KratosApiException.class, e -> {
                        assertThat(e.status()).as("a misconfiguration, not the client's fault").isEqualTo(502);
                        assertThat(e.reason()).isEqualTo("kratos_admin_unauthorized");
                        assertThat(e.kratosStatus()).isEqualTo(status);
                        assertThat(e.getMessage()).contains(AdminConfig.ADMIN_API_KEY).doesNotContain(KEY);
                    });
            assertThatThrownBy(() -> client(KEY).extendSession(S1)).as("through the JDK client, HTTP %s", status)
                    .isInstanceOfSatisfying(KratosApiException.class, e -> assertThat(e.status()).isEqualTo(502));
            stub.close();
        }
    }

    @Test
    void anExtensionAnswersWithTheSessionOrWithNoContent() throws IOException {
        stub = KratosStub.answering(200, KratosStub.session(S1, IDENTITY));
        assertThat(client(null).extendSession(S1)).as("200: the session").map(Session::id).contains(S1);
        stub.close();

        stub = KratosStub.answering(204, "");
        assertThat(client(null).extendSession(S1)).as("204 (faster_session_extend)").isEmpty();
    }

    @Test
    void anUnknownSessionIsKratosNotFoundWithItsError() throws IOException {
        stub = KratosStub.answering(404, "{\"error\":{\"code\":404,\"status\":\"Not Found\",\"message\":\"Unable to locate the resource\"}}");

        assertThatThrownBy(() -> client(null).disableSession(S1)).isInstanceOfSatisfying(KratosApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.reason()).isEqualTo("not_found");
            assertThat(e.error().orElseThrow().message()).isEqualTo("Unable to locate the resource");
        });
    }

    @Test
    void theActiveFilterAndPageAreSent() throws IOException {
        stub = new KratosStub(exchange -> {
            exchange.getResponseHeaders().add("X-Total-Count", "5");
            KratosStub.respond(exchange, 200, KratosStub.sessions(IDENTITY, S1, KratosFrontendClientTest.S2));
        });

        SessionPage active = client(null).listIdentitySessions(IDENTITY, SessionFilter.ACTIVE, PageRequest.of(2, "2"));
        client(null).listIdentitySessions(IDENTITY, SessionFilter.INACTIVE, PageRequest.first(2));
        client(null).listIdentitySessions(IDENTITY, SessionFilter.ALL, PageRequest.first(2));

        assertThat(stub.requests()).extracting(KratosStub.Request::query).containsExactly(
                "active=true&page=2&per_page=2", "active=false&per_page=2", "per_page=2");
        assertThat(active.nextPage()).as("4 of 5 seen").contains(new PageRequest(2, "3"));
    }

    @Test
    void aSessionWithoutAnIdentityIsBadGateway() throws IOException {
        stub = KratosStub.answering(200, "{\"id\":\"" + S1 + "\",\"active\":true}");

        assertThatThrownBy(() -> client(null).getSession(S1))
                .isInstanceOf(io.github.orysession.KratosBadResponseException.class);
    }

    @Test
    void withoutAnAdminUrlEveryCallNamesTheKey() {
        KratosAdminClient client = new KratosAdminClient(OryConfig.defaults(URI.create("http://127.0.0.1:1")), AdminConfig.none());

        assertThatThrownBy(() -> client.getSession(S1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AdminConfig.ADMIN_URL);
        assertThatThrownBy(() -> client.extendSession(S1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AdminConfig.ADMIN_URL);
        assertThatThrownBy(() -> client.deleteIdentitySessions(IDENTITY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AdminConfig.ADMIN_URL);
    }

    @Test
    void anUnreachableAdminApiIsUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        KratosAdminClient client = new KratosAdminClient(OryConfig.defaults(URI.create("http://127.0.0.1:1")),
                new AdminConfig(URI.create("http://127.0.0.1:" + port), KEY));

        assertThatThrownBy(() -> client.getSession(S1)).isInstanceOf(KratosUnavailableException.class)
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> client.extendSession(S1)).isInstanceOf(KratosUnavailableException.class)
                .hasMessageNotContaining(KEY);
    }

    @Test
    void idsThatAreNotUuidsNeverReachKratos() throws IOException {
        stub = KratosStub.answering(204, "");

        assertThatThrownBy(() -> client(null).deleteIdentitySessions("x/../../sessions"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo("invalid_identity_id"));
        assertThatThrownBy(() -> client(null).extendSession("abc?x=1"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo("invalid_session_id"));
        assertThat(stub.requests()).isEmpty();
    }

    private KratosAdminClient client(String apiKey) {
        return new KratosAdminClient(OryConfig.defaults(URI.create("http://127.0.0.1:1")).withTimeouts(
                stub.config().connectTimeout(), stub.config().readTimeout()), new AdminConfig(stub.url(), apiKey));
    }
}
