package io.github.orysession.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.orysession.AccessDeniedException;
import io.github.orysession.AssuranceLevelRequiredException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.ReauthenticationRequiredException;
import io.github.orysession.RefusalReason;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

class LoginRedirectsTest {

    private static final URI LOGIN = URI.create("https://auth.example.com/self-service/login/browser");
    private static final URI PAGE = URI.create("https://app.example.com/app/pay?amount=10&to=bob");
    private static final ReturnToPolicy POLICY = new ReturnToPolicy(
            List.of(AllowedReturnUrl.parse("https://app.example.com/app")), URI.create("https://app.example.com/app/"));
    private static final LoginRedirects REDIRECTS = new LoginRedirects(LOGIN, POLICY);
    private static final String RETURN_TO_PAGE = "return_to=https%3A%2F%2Fapp.example.com%2Fapp%2Fpay%3Famount%3D10%26to%3Dbob";

    @Test
    void noSessionIsAPlainLoginBackToThePage() {
        URI url = REDIRECTS.loginFor(new UnauthenticatedException(RefusalReason.NO_CREDENTIALS, "none"), PAGE.toString(), PAGE);

        assertThat(url).as("login with the page, query string included, as return_to")
                .hasToString(LOGIN + "?" + RETURN_TO_PAGE);
    }

    @Test
    void aSecondFactorIsAnAal2Login() {
        URI url = REDIRECTS.loginFor(new AssuranceLevelRequiredException(AuthenticatorAssuranceLevel.AAL2, null), PAGE.toString(), PAGE);

        assertThat(url).as("aal2 step-up").hasToString(LOGIN + "?aal=aal2&" + RETURN_TO_PAGE);
    }

    @Test
    void aStaleSessionIsARefreshLogin() {
        URI url = REDIRECTS.loginFor(new ReauthenticationRequiredException(Duration.ofMinutes(5)), PAGE.toString(), PAGE);

        assertThat(url).as("re-authentication").hasToString(LOGIN + "?refresh=true&" + RETURN_TO_PAGE);
    }

    @Test
    void aPageOutsideTheAllowListReturnsToTheDefault() {
        URI forged = URI.create("https://evil.example/app/pay");

        URI url = REDIRECTS.loginFor(new UnauthenticatedException(RefusalReason.NO_CREDENTIALS, "none"), forged.toString(), forged);

        assertThat(url).as("forged Host: the default, never the request's value")
                .hasToString(LOGIN + "?return_to=https%3A%2F%2Fapp.example.com%2Fapp%2F");
    }

    @Test
    void withoutAnAllowListThereIsNoReturnTo() {
        LoginRedirects none = new LoginRedirects(LOGIN, new ReturnToPolicy(List.of(), null));

        assertThat(none.loginFor(new UnauthenticatedException(RefusalReason.NO_CREDENTIALS, "none"), PAGE.toString(), PAGE))
                .as("plain login").hasToString(LOGIN.toString());
        assertThat(none.loginFor(new AssuranceLevelRequiredException(AuthenticatorAssuranceLevel.AAL2, null), PAGE.toString(), PAGE))
                .as("step-up").hasToString(LOGIN + "?aal=aal2");
    }

    @Test
    void aLoginUrlWithAQueryKeepsIt() {
        LoginRedirects network = new LoginRedirects(URI.create("https://slug.projects.oryapis.com/ui/login?organization=acme"), POLICY);

        assertThat(network.login(Map.of("refresh", "true"), PAGE.toString(), PAGE))
                .as("parameters appended with &")
                .hasToString("https://slug.projects.oryapis.com/ui/login?organization=acme&refresh=true&" + RETURN_TO_PAGE);
    }

    @Test
    void onlyMissingOrInsufficientSessionsAreCuredByLogin() {
        assertThat(LoginRedirects.isCuredByLogin(new UnauthenticatedException(RefusalReason.INVALID_SESSION, "x"))).as("401").isTrue();
        assertThat(LoginRedirects.isCuredByLogin(new ReauthenticationRequiredException(Duration.ofSeconds(1)))).as("refresh").isTrue();
        assertThat(LoginRedirects.isCuredByLogin(new KratosUnavailableException("down", null))).as("503").isFalse();
        assertThat(LoginRedirects.isCuredByLogin(new AccessDeniedException("missing_role", "x"))).as("missing role").isFalse();
    }
}
