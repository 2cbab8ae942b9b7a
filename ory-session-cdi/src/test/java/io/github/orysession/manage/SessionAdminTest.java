package io.github.orysession.manage;



import static io.github.orysession.internal.manage.KratosFrontendClientTest.IDENTITY;
import static io.github.orysession.internal.manage.KratosFrontendClientTest.S1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.InvalidRequestException;
import io.github.orysession.KratosApiException;
import io.github.orysession.internal.config.AdminConfig;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.manage.KratosAdminClient;
import io.github.orysession.internal.manage.KratosStub;

/** {@link SessionAdmin}: the calls it makes for each operation, and the cache told only after Kratos confirmed. */
class SessionAdminTest {

    private final RecordingCache cache = new RecordingCache();
    private KratosStub stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void revokingASessionFetchesItFirstToKnowWhoseItIs() throws IOException {
        stub = new KratosStub(exchange -> KratosStub.respond(exchange, exchange.getRequestMethod().equals("GET") ? 200 : 204,
                KratosStub.session(S1, IDENTITY)));

        admin().revoke(S1);

        assertThat(stub.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /admin/sessions/" + S1, "DELETE /admin/sessions/" + S1);
        assertThat(cache.calls()).containsExactly("identityChanged " + IDENTITY);
    }

    @Test
    void revokingAnUnknownSessionStopsAtTheLookup() throws IOException {
        stub = KratosStub.answering(404, "{\"error\":{\"code\":404,\"message\":\"Unable to locate the resource\"}}");

        assertThatThrownBy(() -> admin().revoke(S1)).isInstanceOfSatisfying(KratosApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThat(stub.requests()).as("nothing deleted").hasSize(1);
        assertThat(cache.calls()).isEmpty();
    }

    @Test
    void anExtensionAnsweredWithNoContentIsFetchedAfterwards() throws IOException {
        stub = new KratosStub(exchange -> KratosStub.respond(exchange, exchange.getRequestMethod().equals("PATCH") ? 204 : 200,
                KratosStub.session(S1, IDENTITY)));

        assertThat(admin().extend(S1).id()).isEqualTo(S1);

        assertThat(stub.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("PATCH /admin/sessions/" + S1 + "/extend", "GET /admin/sessions/" + S1);
        assertThat(cache.calls()).containsExactly("identityChanged " + IDENTITY);
    }

    @Test
    void anExtensionAnsweredWithTheSessionNeedsNoSecondCall() throws IOException {
        stub = KratosStub.answering(200, KratosStub.session(S1, IDENTITY));

        assertThat(admin().extend(S1).identity().id()).isEqualTo(IDENTITY);

        assertThat(stub.requests()).hasSize(1);
        assertThat(cache.calls()).containsExactly("identityChanged " + IDENTITY);
    }

    @Test
    void revokingAllOfAnIdentityTellsTheCache() throws IOException {
        stub = KratosStub.answering(204, "");

        admin().revokeAll(IDENTITY);

        assertThat(stub.last().method() + " " + stub.last().path()).isEqualTo("DELETE /admin/identities/" + IDENTITY + "/sessions");
        assertThat(cache.calls()).containsExactly("identityChanged " + IDENTITY);
    }

    @Test
    void anIdentityWithoutSessionsIsKratosNotFoundAndTheCacheIsNotTold() throws IOException {
        stub = KratosStub.answering(404, "{\"error\":{\"code\":404}}");

        assertThatThrownBy(() -> admin().revokeAll(IDENTITY)).isInstanceOf(KratosApiException.class);
        assertThat(cache.calls()).isEmpty();
    }

    @Test
    void forgettingCachedSessionsTellsTheCacheAndAsksKratosNothing() throws IOException {
        stub = KratosStub.answering(500, "should not be called");

        admin().forgetCachedSessions(IDENTITY);

        assertThat(cache.calls()).containsExactly("identityChanged " + IDENTITY);
        assertThat(stub.requests()).as("Kratos is not asked").isEmpty();
        assertThatThrownBy(() -> admin().forgetCachedSessions("not-a-uuid")).isInstanceOf(InvalidRequestException.class);
    }

    private SessionAdmin admin() {
        OryConfig config = OryConfig.defaults(URI.create("http://127.0.0.1:1"))
                .withTimeouts(stub.config().connectTimeout(), stub.config().readTimeout());
        return new SessionAdmin(new KratosAdminClient(config, new AdminConfig(stub.url(), null)), cache);
    }
}
