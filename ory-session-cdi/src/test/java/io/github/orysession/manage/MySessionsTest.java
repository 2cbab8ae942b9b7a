package io.github.orysession.manage;



import static io.github.orysession.internal.manage.KratosFrontendClientTest.IDENTITY;
import static io.github.orysession.internal.manage.KratosFrontendClientTest.S1;
import static io.github.orysession.internal.manage.KratosFrontendClientTest.S2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.InvalidRequestException;
import io.github.orysession.KratosApiException;
import io.github.orysession.RefusalReason;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.browser.AllowedReturnUrl;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.internal.cdi.RequestCredentials;
import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.manage.KratosFrontendClient;
import io.github.orysession.internal.manage.KratosStub;
import io.github.orysession.model.Session;

/**
 * {@link MySessions} acts with the request's own credentials, requires a session where it should and not where it
 * must not (logging out), and tells the cache only after Kratos confirmed.
 */
class MySessionsTest {

    private static final Credentials TOKEN = Credentials.ofToken("the-token");
    private static final Credentials COOKIE = Credentials.ofCookies("ory_kratos_session=abc");
    private static final String LOGOUT_FLOW = "{\"logout_url\":\"http://k/self-service/logout?token=t\",\"logout_token\":\"t\"}";
    private static final URI HOME = URI.create("https://app.example.com/");

    private ReturnToPolicy policy = new ReturnToPolicy(List.of(AllowedReturnUrl.parse("https://app.example.com")), HOME);

    private final RecordingCache cache = new RecordingCache();
    private final AtomicInteger whoamiCalls = new AtomicInteger();
    private KratosStub stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void revokingOthersTellsTheCacheAfterKratosConfirmed() throws IOException {
        stub = KratosStub.answering(200, "{\"count\":2}");

        assertThat(mySessions(TOKEN, true).revokeOthers()).isEqualTo(2);

        assertThat(cache.calls()).containsExactly("identityChanged " + IDENTITY);
        assertThat(stub.last().header("X-Session-Token")).as("the request's own token").isEqualTo("the-token");
    }

    @Test
    void aRefusedRevocationLeavesTheCacheAlone() throws IOException {
        stub = KratosStub.answering(400, "{\"error\":{\"code\":400,\"message\":\"cannot revoke current session\"}}");

        assertThatThrownBy(() -> mySessions(TOKEN, true).revoke(S1)).isInstanceOf(KratosApiException.class);

        assertThat(cache.calls()).isEmpty();
    }

    @Test
    void revokingOneTellsTheCache() throws IOException {
        stub = KratosStub.answering(204, "");

        mySessions(COOKIE, true).revoke(S2);

        assertThat(cache.calls()).containsExactly("identityChanged " + IDENTITY);
        assertThat(stub.last().header("Cookie")).isEqualTo("ory_kratos_session=abc");
    }

    @Test
    void listingAndRevokingNeedASessionAndNeverAskKratosWithout() throws IOException {
        stub = KratosStub.answering(200, "[]");
        MySessions anonymous = mySessions(Credentials.none(), false);
        MySessions rejected = mySessions(TOKEN, false);

        assertThatThrownBy(() -> anonymous.listOthers()).isInstanceOfSatisfying(UnauthenticatedException.class,
                e -> assertThat(e.reason()).isEqualTo("no_credentials"));
        assertThatThrownBy(() -> rejected.revokeOthers()).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> rejected.revoke(S1)).isInstanceOf(UnauthenticatedException.class);
        assertThat(stub.requests()).as("Kratos's management API was not asked").isEmpty();
        assertThat(cache.calls()).isEmpty();
    }

    @Test
    void theBrowserLogoutUsesTheCookieAndKeepsItOutOfTheCache() throws IOException {
        stub = KratosStub.answering(200, "{\"logout_url\":\"http://k/self-service/logout?token=t\",\"logout_token\":\"t\"}");

        LogoutFlow flow = mySessions(COOKIE, false).browserLogout();

        assertThat(flow.logoutToken()).isEqualTo("t");
        assertThat(cache.calls()).containsExactly("logoutStarted " + COOKIE.fingerprint());
        assertThat(whoamiCalls).as("no session required to log out (an AAL requirement must not trap the user)").hasValue(0);
    }

    @Test
    void anAllowedLogoutReturnUrlIsPassedToKratos() throws IOException {
        stub = KratosStub.answering(200, LOGOUT_FLOW);

        mySessions(COOKIE, false).browserLogout(URI.create("https://app.example.com/bye?from=logout"));

        assertThat(returnToSentToKratos()).as("the allowed URL, as Kratos's return_to")
                .isEqualTo("https://app.example.com/bye?from=logout");
        assertThat(stub.last().header("Cookie")).isEqualTo("ory_kratos_session=abc");
        assertThat(cache.calls()).containsExactly("logoutStarted " + COOKIE.fingerprint());
    }

    @Test
    void aRefusedLogoutReturnUrlIsReplacedByTheDefaultNeverPassedOn() throws IOException {
        stub = KratosStub.answering(200, LOGOUT_FLOW);
        MySessions mySessions = mySessions(COOKIE, false);

        for (String refused : new String[] {"https://evil.example/", "//evil.example/", "http://app.example.com/",
                "https://app.example.com@evil.example/", "https://app.example.com/%0d%0aSet-Cookie:x=1", "/relative"}) {
            mySessions.browserLogout(URI.create(refused));

            assertThat(returnToSentToKratos()).as("return_to sent for %s", refused).isEqualTo(HOME.toString());
        }
        mySessions.browserLogout(null);
        assertThat(returnToSentToKratos()).as("return_to sent for null").isEqualTo(HOME.toString());
    }

    @Test
    void withoutADefaultARefusedLogoutReturnUrlSendsNoReturnToAtAll() throws IOException {
        stub = KratosStub.answering(200, LOGOUT_FLOW);
        policy = new ReturnToPolicy(List.of(AllowedReturnUrl.parse("https://app.example.com")), null);

        mySessions(COOKIE, false).browserLogout(URI.create("https://evil.example/"));

        assertThat(stub.last().query()).as("no return_to: Kratos uses its own default").isNull();
    }

    @Test
    void theLogoutWithAReturnUrlNeedsACookieLikeTheOther() throws IOException {
        stub = KratosStub.answering(200, LOGOUT_FLOW);

        assertThatThrownBy(() -> mySessions(TOKEN, true).browserLogout(HOME))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo("session_cookie_required"));
        assertThatThrownBy(() -> mySessions(Credentials.none(), false).browserLogout(HOME))
                .isInstanceOf(UnauthenticatedException.class);
        assertThat(stub.requests()).as("Kratos was not asked").isEmpty();
    }

    @Test
    void theBrowserLogoutNeedsACookie() throws IOException {
        stub = KratosStub.answering(200, "{}");

        assertThatThrownBy(() -> mySessions(TOKEN, true).browserLogout())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo("session_cookie_required"));
        assertThatThrownBy(() -> mySessions(Credentials.none(), false).browserLogout())
                .isInstanceOf(UnauthenticatedException.class);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void theTokenLogoutTellsTheCacheAboutTheIdentityThenTheToken() throws IOException {
        stub = KratosStub.answering(204, "");

        mySessions(TOKEN, true).logout();

        assertThat(cache.calls()).containsExactly("identityChanged " + IDENTITY, "loggedOut " + TOKEN.fingerprint());
    }

    @Test
    void theTokenLogoutWorksForASessionTheLibraryDoesNotAccept() throws IOException {
        stub = KratosStub.answering(204, "");

        mySessions(TOKEN, false).logout();

        assertThat(stub.requests()).as("Kratos was asked to log the token out").hasSize(1);
        assertThat(cache.calls()).containsExactly("loggedOut " + TOKEN.fingerprint());
    }

    @Test
    void theTokenLogoutNeedsAToken() throws IOException {
        stub = KratosStub.answering(204, "");

        assertThatThrownBy(() -> mySessions(COOKIE, true).logout())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo("session_token_required"));
        assertThat(stub.requests()).isEmpty();
        assertThat(cache.calls()).isEmpty();
    }

    private MySessions mySessions(Credentials credentials, boolean sessionAccepted) {
        RequestCredentials holder = new RequestCredentials();
        holder.set(credentials);
        SessionResolver resolver = new SessionResolver(holder, offered -> {
            whoamiCalls.incrementAndGet();
            return sessionAccepted ? WhoamiResult.authenticated(session(), java.util.List.of())
                    : WhoamiResult.rejected(RefusalReason.INVALID_SESSION);
        });
        return new MySessions(holder, resolver, new KratosFrontendClient(stub.config()), cache, policy);
    }

    /** The decoded {@code return_to} of the last request to the stub; fails when there was none. */
    private String returnToSentToKratos() {
        String query = stub.last().query();
        assertThat(query).as("the logout flow request's query").isNotNull().startsWith("return_to=").doesNotContain("&");
        return URLDecoder.decode(query.substring("return_to=".length()), StandardCharsets.UTF_8);
    }

    private static Session session() {
        return JsonbBuilder.create().fromJson(KratosStub.session(S1, IDENTITY), Session.class);
    }
}
