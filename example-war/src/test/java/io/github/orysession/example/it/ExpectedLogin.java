package io.github.orysession.example.it;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The login URLs the tests expect the library to send users to, built independently of the library: Kratos's
 * {@code /self-service/login/browser}, the step-up parameter, and {@code return_to} form-encoded.
 */
final class ExpectedLogin {

    private ExpectedLogin() {
    }

    /** The fallback {@code return_to} the build configures ({@code ORY_BROWSER_DEFAULT_RETURN_URL}). */
    static String defaultReturnUrl() {
        String value = System.getenv("ORY_BROWSER_DEFAULT_RETURN_URL");
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("ORY_BROWSER_DEFAULT_RETURN_URL is not set for the integration tests (see the pom)");
        }
        return value;
    }

    /**
     * @param kratos Kratos's public URL
     * @param parameter {@code aal=aal2}, {@code refresh=true}, or {@code null}
     * @param returnTo the expected {@code return_to}, not encoded
     * @return the full login URL
     */
    static String of(URI kratos, String parameter, String returnTo) {
        return at(URI.create(kratos + "/self-service/login/browser"), parameter, returnTo);
    }

    /**
     * @param loginUrl the configured {@code ory.browser.login-url}, such as an Ory Network project's {@code /ui/login}
     * @param parameter {@code aal=aal2}, {@code refresh=true}, or {@code null}
     * @param returnTo the expected {@code return_to}, not encoded
     * @return the full login URL
     */
    static String at(URI loginUrl, String parameter, String returnTo) {
        return loginUrl + "?" + (parameter == null ? "" : parameter + "&")
                + "return_to=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
    }

    /** The {@code return_to} of a login URL, decoded. */
    static String returnToOf(String loginUrl) {
        String query = URI.create(loginUrl).getRawQuery();
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (parameter.startsWith("return_to=")) {
                return java.net.URLDecoder.decode(parameter.substring("return_to=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
