package io.github.orysession.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.orysession.OrySessionException;
import io.github.orysession.StepUpRequiredException;
import io.github.orysession.UnauthenticatedException;

/**
 * Builds the URLs of Kratos's browser login the library sends users to: {@code <login-url>?return_to=...} to sign
 * in, {@code ?aal=aal2&return_to=...} to add a second factor, {@code ?refresh=true&return_to=...} to authenticate
 * again. The {@code return_to} always comes from the {@link ReturnToPolicy}: the page asked for when it is
 * allowed, otherwise the configured default, otherwise no {@code return_to} at all (Kratos then uses its own
 * default return URL).
 *
 * <pre>{@code
 * URI login = redirects.loginFor(new ReauthenticationRequiredException(Duration.ofMinutes(5)),
 *         requestUri.toString(), requestUri);
 * // https://auth.example.com/self-service/login/browser?refresh=true&return_to=https%3A%2F%2Fapp.example.com%2Fpay
 * }</pre>
 */
public final class LoginRedirects {

    private final URI loginUrl;
    private final ReturnToPolicy policy;

    /**
     * @param loginUrl Kratos's browser login URL (configured, not taken from any request)
     * @param policy the return URL allow-list
     */
    public LoginRedirects(URI loginUrl, ReturnToPolicy policy) {
        this.loginUrl = loginUrl;
        this.policy = policy;
    }

    /** The return URL allow-list. */
    public ReturnToPolicy policy() {
        return policy;
    }

    /**
     * Whether a login can cure this failure: no session, or a session that needs a step-up. Kratos being
     * unavailable, a missing role and the like cannot be cured by signing in.
     *
     * @param failure why the request was refused
     * @return {@code true} for {@link UnauthenticatedException} and {@link StepUpRequiredException}
     */
    public static boolean isCuredByLogin(OrySessionException failure) {
        return failure instanceof UnauthenticatedException || failure instanceof StepUpRequiredException;
    }

    /**
     * The login that cures a failure.
     *
     * @param failure an {@link UnauthenticatedException} (plain login) or a {@link StepUpRequiredException}
     *        (with its {@code aal} or {@code refresh} parameter)
     * @param target where the user should come back to (absolute, or relative to {@code base}), or {@code null}
     * @param base the request's URL
     * @return the login URL
     */
    public URI loginFor(OrySessionException failure, String target, URI base) {
        Map<String, String> parameters = failure instanceof StepUpRequiredException stepUp
                ? stepUp.loginParameters() : Map.of();
        return login(parameters, target, base);
    }

    /**
     * @param parameters Kratos login parameters such as {@code aal} or {@code refresh}, in order
     * @param target where the user should come back to, or {@code null}
     * @param base the request's URL
     * @return the login URL with the parameters and the allow-listed {@code return_to}
     */
    public URI login(Map<String, String> parameters, String target, URI base) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        Optional<URI> returnTo = policy.returnTo(target, base);
        returnTo.ifPresent(uri -> query.put("return_to", uri.toString()));
        StringBuilder url = new StringBuilder(loginUrl.toString());
        char separator = loginUrl.getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
