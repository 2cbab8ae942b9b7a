package io.github.orysession.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.github.orysession.AccessDeniedException;
import io.github.orysession.AssuranceLevelRequiredException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.ReauthenticationRequiredException;
import io.github.orysession.RefusalReason;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.browser.AllowedReturnUrl;
import io.github.orysession.browser.LoginRedirects;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

/** The answer by kind of request: browsers are redirected when a login helps, API clients get JSON. */
class FailureAnswerTest {

    private static final String LOGIN = "http://127.0.0.1:4433/self-service/login/browser";
    private static final LoginRedirects REDIRECTS = new LoginRedirects(URI.create(LOGIN), new ReturnToPolicy(
            List.of(AllowedReturnUrl.parse("https://app.example.com")), URI.create("https://app.example.com/")));
    private static final URI PAGE = URI.create("https://app.example.com/orders?page=2");
    private static final String RETURN_TO_PAGE = "return_to=https%3A%2F%2Fapp.example.com%2Forders%3Fpage%3D2";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

    @Test
    void aBrowserWithoutASessionIsSentToTheLogin() {
        FailureAnswer response = respond(new UnauthenticatedException(RefusalReason.NO_CREDENTIALS), browser(PAGE));

        assertThat(response.status()).as("status").isEqualTo(303);
        assertThat(response.location().orElse(null)).as("Location").hasToString(LOGIN + "?" + RETURN_TO_PAGE);
        assertThat(response.headers().get("Cache-Control")).as("a redirect that depends on the session is not cached")
                .isEqualTo("no-store");
    }

    @Test
    void aBrowserWithAnAal1SessionIsSentToTheSecondFactor() {
        FailureAnswer response = respond(new AssuranceLevelRequiredException(AuthenticatorAssuranceLevel.AAL2, null), browser(PAGE));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.location().orElse(null)).hasToString(LOGIN + "?aal=aal2&" + RETURN_TO_PAGE);
    }

    @Test
    void aBrowserWithAStaleSessionIsSentToAuthenticateAgain() {
        FailureAnswer response = respond(new ReauthenticationRequiredException(Duration.ofSeconds(10)), browser(PAGE));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.location().orElse(null)).hasToString(LOGIN + "?refresh=true&" + RETURN_TO_PAGE);
    }

    @Test
    void aBrowserUnderAForgedHostReturnsToTheDefault() {
        FailureAnswer response = respond(new UnauthenticatedException(RefusalReason.NO_CREDENTIALS),
                browser(URI.create("https://evil.example/orders")));

        assertThat(response.location().orElse(null)).as("never the forged host")
                .hasToString(LOGIN + "?return_to=https%3A%2F%2Fapp.example.com%2F");
    }

    @Test
    void anApiClientWithoutASessionGets401Json() {
        FailureAnswer response = respond(new UnauthenticatedException(RefusalReason.NO_CREDENTIALS), api(PAGE, null));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.location().orElse(null)).as("no redirect for API clients").isNull();
        assertThat(body(response).getJsonObject("error").getString("reason")).isEqualTo("no_credentials");
    }

    @Test
    void anApiClientThatNeedsAStepUpGets403WithRedirectBrowserTo() {
        FailureAnswer response = respond(new AssuranceLevelRequiredException(AuthenticatorAssuranceLevel.AAL2, null),
                api(PAGE, "https://app.example.com/dashboard"));

        assertThat(response.status()).isEqualTo(403);
        JsonObject body = body(response);
        String expected = LOGIN + "?aal=aal2&return_to=https%3A%2F%2Fapp.example.com%2Fdashboard";
        assertThat(body.getString("redirect_browser_to")).as("the page that made the call is the way back").isEqualTo(expected);
        assertThat(body.getJsonObject("error").getString("id")).as("Kratos's error id").isEqualTo("session_aal2_required");
        assertThat(body.getJsonObject("error").getString("reason")).isEqualTo("session_aal2_required");
        assertThat(body.getJsonObject("error").getInt("code")).isEqualTo(403);
        assertThat(body.getJsonObject("error").getJsonObject("details").getString("redirect_browser_to")).isEqualTo(expected);
    }

    @Test
    void anApiClientWithAForeignRefererReturnsToTheDefault() {
        FailureAnswer response = respond(new ReauthenticationRequiredException(Duration.ofSeconds(10)),
                api(PAGE, "https://evil.example/phish"));

        assertThat(body(response).getString("redirect_browser_to"))
                .isEqualTo(LOGIN + "?refresh=true&return_to=https%3A%2F%2Fapp.example.com%2F");
    }

    @Test
    void failuresALoginCannotCureAreJsonEvenForBrowsers() {
        assertThat(respond(new KratosUnavailableException("down", null), browser(PAGE)).status()).as("Kratos down").isEqualTo(503);
        assertThat(respond(new AccessDeniedException("missing_role", "no"), browser(PAGE)).status()).as("missing role").isEqualTo(403);
    }

    private static FailureAnswer respond(io.github.orysession.OrySessionException failure, RequestView request) {
        return FailureAnswer.of(failure, request, REDIRECTS, true);
    }

    private static RequestView browser(URI uri) {
        return view(uri, "Accept", BROWSER_ACCEPT, "Sec-Fetch-Mode", "navigate");
    }

    private static RequestView api(URI uri, String referer) {
        return referer == null ? view(uri, "Accept", "application/json")
                : view(uri, "Accept", "*/*", "Sec-Fetch-Mode", "cors", "Referer", referer);
    }

    private static RequestView view(URI uri, String... pairs) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < pairs.length; i += 2) {
            headers.computeIfAbsent(pairs[i], name -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return new RequestView("GET", uri, headers::get);
    }

    private static JsonObject body(FailureAnswer response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
