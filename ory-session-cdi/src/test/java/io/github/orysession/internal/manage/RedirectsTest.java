package io.github.orysession.internal.manage;

import static io.github.orysession.internal.manage.KratosFrontendClientTest.S1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.orysession.KratosBadResponseException;
import io.github.orysession.internal.client.KratosSessionClient;
import io.github.orysession.internal.config.AdminConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.metrics.SessionMetrics;
import io.github.orysession.manage.PageRequest;

/**
 * Kratos answering with a redirect to another host: no client of the library follows it, so that a session token,
 * a session cookie or the admin API key is never sent on to where Kratos (or whoever answers in its place) points;
 * the answer is a {@code 502}. A second local stub stands for the other host and records what reaches it.
 */
class RedirectsTest {

    private static final String TOKEN = "ory_st_redirectedTokenValue";
    private static final String KEY = "ory_pat_redirected-api-key";

    private KratosStub elsewhere;
    private KratosStub kratos;

    @BeforeEach
    void start() throws IOException {
        elsewhere = KratosStub.answering(200, "{}");
    }

    @AfterEach
    void stop() {
        elsewhere.close();
        if (kratos != null) {
            kratos.close();
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void noCallFollowsARedirect(int status) throws IOException {
        kratos = new KratosStub(exchange -> {
            exchange.getResponseHeaders().add("Location", elsewhere.url() + exchange.getRequestURI().toString());
            KratosStub.respond(exchange, status, "");
        });
        KratosSessionClient whoami = new KratosSessionClient(kratos.config(), new SessionMetrics());
        KratosFrontendClient frontend = new KratosFrontendClient(kratos.config());
        KratosAdminClient admin = new KratosAdminClient(kratos.config(), new AdminConfig(kratos.url(), KEY));

        List<ThrowingCallable> calls = List.of(
                () -> whoami.whoami(Credentials.ofToken(TOKEN)),
                () -> whoami.whoami(Credentials.ofCookies("ory_kratos_session=cookieValue")),
                () -> frontend.listMySessions(Credentials.ofToken(TOKEN), PageRequest.first()),
                () -> frontend.logoutToken(TOKEN),
                () -> admin.getSession(S1),
                () -> admin.extendSession(S1));
        for (int i = 0; i < calls.size(); i++) {
            assertThatThrownBy(calls.get(i)).as("call %s answered %s", i, status).isInstanceOf(KratosBadResponseException.class)
                    .satisfies(e -> assertThat(((KratosBadResponseException) e).status()).isEqualTo(502));
        }

        assertThat(kratos.requests()).as("every call reached Kratos once").hasSize(calls.size());
        assertThat(elsewhere.requests()).as("requests that followed Kratos's redirect").isEmpty();
    }
}
