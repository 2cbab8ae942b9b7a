package io.github.orysession.internal.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.InvalidRequestException;
import io.github.orysession.KratosApiException;
import io.github.orysession.KratosBadResponseException;
import io.github.orysession.KratosRateLimitedException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.CookieNames;
import io.github.orysession.internal.credentials.CredentialExtractor;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.manage.LogoutFlow;
import io.github.orysession.manage.PageRequest;
import io.github.orysession.manage.SessionPage;

/**
 * The frontend management calls against a local stub: what is sent to Kratos, and what each of Kratos's answers,
 * including the ones the real Kratos will not give on demand, becomes.
 */
public class KratosFrontendClientTest {

    public static final String IDENTITY = "11111111-1111-4111-8111-111111111111";
    public static final String S1 = "00000000-0000-4000-8000-000000000001";
    public static final String S2 = "00000000-0000-4000-8000-000000000002";
    private static final String TOKEN = "secret-session-token-value";

    private KratosStub stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void theFirstPageIsAskedWithoutAPageNumberAndLinksTheNextFromTheTotal() throws IOException {
        stub = new KratosStub(exchange -> {
            exchange.getResponseHeaders().add("X-Total-Count", "3");
            KratosStub.respond(exchange, 200, KratosStub.sessions(IDENTITY, S1, S2));
        });

        SessionPage page = client().listMySessions(Credentials.ofToken(TOKEN), PageRequest.first(2));

        assertThat(page.sessions()).extracting(s -> s.id()).containsExactly(S1, S2);
        assertThat(page.sessions().get(0).devices()).as("devices are parsed").hasSize(1);
        assertThat(stub.last().path()).isEqualTo("/sessions");
        assertThat(stub.last().query()).as("first page: no page number, which every Kratos serves as the first")
                .isEqualTo("per_page=2");
        assertThat(stub.last().header("X-Session-Token")).isEqualTo(TOKEN);
        assertThat(page.nextPage()).as("2 of 3 seen").contains(new PageRequest(2, "2"));
    }

    @Test
    void laterPagesAreAskedByKratosOneBasedPageNumberAndTheLastHasNoNext() throws IOException {
        stub = new KratosStub(exchange -> {
            exchange.getResponseHeaders().add("X-Total-Count", "3");
            KratosStub.respond(exchange, 200, KratosStub.sessions(IDENTITY, S1));
        });

        SessionPage page = client().listMySessions(Credentials.ofToken(TOKEN), PageRequest.of(2, "2"));

        assertThat(stub.last().query()).as("page 2 is Kratos's page=2 (ory/kratos#3883)").isEqualTo("page=2&per_page=2");
        assertThat(page.nextPage()).as("4 >= 3: the last page").isEmpty();
    }

    @Test
    void withoutATotalAFullPageMayHaveANextOneAndAnEmptyPageNever() throws IOException {
        stub = KratosStub.answering(200, KratosStub.sessions(IDENTITY, S1, S2));
        assertThat(client().listMySessions(Credentials.ofToken(TOKEN), PageRequest.first(2)).nextPage())
                .as("a full page without X-Total-Count").contains(new PageRequest(2, "2"));
        stub.close();

        stub = new KratosStub(exchange -> {
            exchange.getResponseHeaders().add("X-Total-Count", "0");
            KratosStub.respond(exchange, 200, "[]");
        });
        assertThat(client().listMySessions(Credentials.ofToken(TOKEN), PageRequest.first(2)).nextPage())
                .as("an empty page").isEmpty();
    }

    @Test
    void onlyTheSessionCookiesAreForwardedAndNoToken() throws IOException {
        stub = KratosStub.answering(200, "[]");
        Credentials cookies = new CredentialExtractor(new CookieNames(List.of("ory_kratos_session")))
                .extract(List.of(), List.of(), List.of("app=private; ory_kratos_session=abc; other=1"));

        client().listMySessions(cookies, PageRequest.first());

        assertThat(stub.last().headers().get("Cookie")).containsExactly("ory_kratos_session=abc");
        assertThat(stub.last().header("X-Session-Token")).isNull();
    }

    @Test
    void revokingOthersReturnsKratosCount() throws IOException {
        stub = KratosStub.answering(200, "{\"count\":4}");

        assertThat(client().revokeMyOtherSessions(Credentials.ofToken(TOKEN))).isEqualTo(4);
        assertThat(stub.last().method()).isEqualTo("DELETE");
        assertThat(stub.last().path()).isEqualTo("/sessions");
    }

    @Test
    void revokingTheCurrentSessionKeepsKratosErrorAndStatus() throws IOException {
        stub = KratosStub.answering(400,
                "{\"error\":{\"code\":400,\"status\":\"Bad Request\",\"message\":\"cannot revoke current session\"}}");

        assertThatThrownBy(() -> client().revokeMySession(Credentials.ofToken(TOKEN), S1))
                .isInstanceOfSatisfying(KratosApiException.class, e -> {
                    assertThat(e.status()).as("the client's own fault passes through").isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("bad_request");
                    assertThat(e.kratosStatus()).isEqualTo(400);
                    assertThat(e.error()).hasValueSatisfying(error ->
                            assertThat(error.message()).isEqualTo("cannot revoke current session"));
                    assertThat(e.getMessage()).contains("cannot revoke current session").doesNotContain(TOKEN);
                });
        assertThat(stub.last().path()).isEqualTo("/sessions/" + S1);
    }

    @Test
    void kratosErrorIdBecomesTheReason() throws IOException {
        stub = KratosStub.answering(403,
                "{\"error\":{\"id\":\"security_csrf_violation\",\"code\":403,\"reason\":\"CSRF\",\"details\":{\"x\":1}}}");

        assertThatThrownBy(() -> client().revokeMyOtherSessions(Credentials.ofToken(TOKEN)))
                .isInstanceOfSatisfying(KratosApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.reason()).isEqualTo("security_csrf_violation");
                    assertThat(e.error().orElseThrow().details().getInt("x")).as("details kept").isEqualTo(1);
                });
    }

    @Test
    void kratosUnauthorizedIsUnauthenticatedForTheCaller() throws IOException {
        stub = KratosStub.answering(401, "{\"error\":{\"code\":401,\"message\":\"The request could not be authorized\"}}");

        assertThatThrownBy(() -> client().listMySessions(Credentials.ofToken(TOKEN), PageRequest.first()))
                .isInstanceOfSatisfying(UnauthenticatedException.class, e -> assertThat(e.reason()).isEqualTo("invalid_session"));
    }

    @Test
    void serverErrorsAreBadGatewayAsOnWhoami() throws IOException {
        stub = KratosStub.answering(500, "{\"error\":{\"code\":500,\"message\":\"db down\"}}");

        assertThatThrownBy(() -> client().revokeMyOtherSessions(Credentials.ofToken(TOKEN)))
                .as("one mapping of Kratos's answers: a 5xx is a bad response, whichever call met it")
                .isInstanceOfSatisfying(KratosBadResponseException.class, e -> {
                    assertThat(e.status()).as("never 401, never passed through").isEqualTo(502);
                    assertThat(e.reason()).isEqualTo("kratos_bad_response");
                    assertThat(e.getMessage()).as("Kratos's internals are not the client's business").doesNotContain("db down");
                });
    }

    @Test
    void garbageIsBadGateway() throws IOException {
        stub = KratosStub.answering(200, "<html>proxy</html>");
        assertThatThrownBy(() -> client().listMySessions(Credentials.ofToken(TOKEN), PageRequest.first()))
                .isInstanceOf(KratosBadResponseException.class);
        stub.close();

        stub = KratosStub.answering(200, "{\"count\":\"many\"}");
        assertThatThrownBy(() -> client().revokeMyOtherSessions(Credentials.ofToken(TOKEN)))
                .isInstanceOf(KratosBadResponseException.class);
        stub.close();

        stub = KratosStub.answering(200, "[{\"active\":true}]");
        assertThatThrownBy(() -> client().listMySessions(Credentials.ofToken(TOKEN), PageRequest.first()))
                .as("a session without an id").isInstanceOf(KratosBadResponseException.class);
        stub.close();

        stub = KratosStub.answering(302, "");
        assertThatThrownBy(() -> client().revokeMySession(Credentials.ofToken(TOKEN), S1))
                .as("a redirect").isInstanceOf(KratosBadResponseException.class);
    }

    @Test
    void rateLimitingPassesRetryAfterOn() throws IOException {
        stub = new KratosStub(exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "9");
            KratosStub.respond(exchange, 429, "{}");
        });

        assertThatThrownBy(() -> client().revokeMyOtherSessions(Credentials.ofToken(TOKEN)))
                .isInstanceOfSatisfying(KratosRateLimitedException.class, e -> assertThat(e.retryAfter()).contains("9"));
        assertThatThrownBy(() -> client().logoutToken(TOKEN)).as("through the JDK client too")
                .isInstanceOfSatisfying(KratosRateLimitedException.class, e -> assertThat(e.retryAfter()).contains("9"));
    }

    @Test
    void aHangingKratosIsUnavailableAfterTheReadTimeoutOnBothClients() throws IOException {
        stub = new KratosStub(exchange -> stub.hang());

        KratosFrontendClient client = new KratosFrontendClient(stub.impatientConfig());
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.revokeMyOtherSessions(Credentials.ofToken(TOKEN)))
                .isInstanceOf(KratosUnavailableException.class);
        assertThatThrownBy(() -> client.logoutToken(TOKEN)).isInstanceOf(KratosUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("both gave up at the read timeout")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUnreachableKratosIsUnavailableAndNoMessageHasTheToken() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        KratosFrontendClient client = new KratosFrontendClient(OryConfig.defaults(URI.create("http://127.0.0.1:" + port)));

        assertThatThrownBy(() -> client.listMySessions(Credentials.ofToken(TOKEN), PageRequest.first()))
                .isInstanceOf(KratosUnavailableException.class).hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> client.logoutToken(TOKEN))
                .isInstanceOf(KratosUnavailableException.class).hasMessageNotContaining(TOKEN);
    }

    @Test
    void theTokenLogoutSendsTheTokenInAJsonBodyWithDelete() throws IOException {
        stub = KratosStub.answering(204, "");

        client().logoutToken(TOKEN);

        assertThat(stub.last().method()).isEqualTo("DELETE");
        assertThat(stub.last().path()).isEqualTo("/self-service/logout/api");
        assertThat(stub.last().header("Content-Type")).startsWith("application/json");
        assertThat(stub.last().body()).isEqualTo("{\"session_token\":\"" + TOKEN + "\"}");
        assertThat(stub.last().header("X-Session-Token")).as("the token travels in the body only").isNull();
    }

    @Test
    void anUnknownTokenAtLogoutIsUnauthenticated() throws IOException {
        stub = KratosStub.answering(403, "{\"error\":{\"code\":403,\"reason\":\"The provided Ory Session Token could not be found\"}}");

        assertThatThrownBy(() -> client().logoutToken(TOKEN))
                .isInstanceOfSatisfying(UnauthenticatedException.class, e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    }

    @Test
    void theBrowserLogoutFlowIsParsedAndAskedWithTheCookieOnly() throws IOException {
        stub = KratosStub.answering(200,
                "{\"logout_url\":\"http://kratos/self-service/logout?token=lt\",\"logout_token\":\"lt\"}");

        LogoutFlow flow = client().createBrowserLogoutFlow("ory_kratos_session=abc");

        assertThat(flow.logoutUrl()).isEqualTo(URI.create("http://kratos/self-service/logout?token=lt"));
        assertThat(flow.logoutToken()).isEqualTo("lt");
        assertThat(flow.toString()).as("toString hides the token").doesNotContain("lt\"").doesNotContain("token=");
        assertThat(stub.last().path()).isEqualTo("/self-service/logout/browser");
        assertThat(stub.last().query()).as("no return_to").isNull();
        assertThat(stub.last().header("Cookie")).isEqualTo("ory_kratos_session=abc");
        assertThat(stub.last().header("Accept")).contains("application/json");
    }

    @Test
    void theBrowserLogoutFlowCarriesTheReturnUrlEncoded() throws IOException {
        stub = KratosStub.answering(200,
                "{\"logout_url\":\"http://kratos/self-service/logout?token=lt&return_to=x\",\"logout_token\":\"lt\"}");

        client().createBrowserLogoutFlow("ory_kratos_session=abc", URI.create("https://app.example.com/a?b=1&c=2"));

        String query = stub.last().query();
        assertThat(query).as("one parameter: the URL's own & and = are encoded").startsWith("return_to=")
                .doesNotContain("&").contains("%26").contains("%3D");
        assertThat(java.net.URLDecoder.decode(query.substring("return_to=".length()), java.nio.charset.StandardCharsets.UTF_8))
                .as("return_to, decoded").isEqualTo("https://app.example.com/a?b=1&c=2");
        assertThat(stub.last().header("Cookie")).isEqualTo("ory_kratos_session=abc");
    }

    @Test
    void aLogoutUrlThatIsNotAUrlIsBadGatewayWithoutQuotingIt() throws IOException {
        stub = KratosStub.answering(200, "{\"logout_url\":\"not a url?token=secret-logout\",\"logout_token\":\"x\"}");

        assertThatThrownBy(() -> client().createBrowserLogoutFlow("ory_kratos_session=abc"))
                .isInstanceOf(KratosBadResponseException.class).hasMessageNotContaining("secret-logout");
    }

    @Test
    void aSessionIdThatIsNotAUuidNeverReachesKratos() throws IOException {
        stub = KratosStub.answering(204, "");

        assertThatThrownBy(() -> client().revokeMySession(Credentials.ofToken(TOKEN), "../identities"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("invalid_session_id");
                });
        assertThat(stub.requests()).isEmpty();
    }

    private KratosFrontendClient client() {
        return new KratosFrontendClient(stub.config());
    }
}
