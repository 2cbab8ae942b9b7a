package io.github.orysession.internal.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.github.orysession.browser.AllowedReturnUrl;
import io.github.orysession.browser.ReturnToPolicy;

/**
 * Where the library sends browsers, read once from MicroProfile Config and checked at deployment.
 * <p>
 * Keys (all under {@code ory.browser.}):
 * <table>
 * <caption>Browser keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@value #LOGIN_URL}</td><td>{@code ${ory.kratos.url}/self-service/login/browser}</td><td>Kratos's
 *     browser login; Ory Network's Account Experience is {@code https://<slug>.projects.oryapis.com/ui/login}</td></tr>
 * <tr><td>{@value #ALLOWED_RETURN_URLS}</td><td>(none)</td><td>comma-separated {@code scheme://host[:port][/path]}
 *     entries a {@code return_to} may point at; none means no {@code return_to} is ever sent</td></tr>
 * <tr><td>{@value #DEFAULT_RETURN_URL}</td><td>(none)</td><td>the {@code return_to} used when the page asked for
 *     is not allowed; must itself be allowed; none means no {@code return_to} then</td></tr>
 * </table>
 *
 * @param loginUrl Kratos's browser login URL, to which {@code aal}, {@code refresh} and {@code return_to} are added
 * @param allowedReturnUrls the return URL allow-list; empty when none is configured
 * @param defaultReturnUrl the fallback return URL, or {@code null}
 */
public record BrowserConfig(URI loginUrl, List<AllowedReturnUrl> allowedReturnUrls, URI defaultReturnUrl) {

    /** Kratos's browser login URL. */
    public static final String LOGIN_URL = "ory.browser.login-url";
    /** Comma-separated return URL allow-list. */
    public static final String ALLOWED_RETURN_URLS = "ory.browser.allowed-return-urls";
    /** The return URL used when the requested one is not allowed. */
    public static final String DEFAULT_RETURN_URL = "ory.browser.default-return-url";
    /** Kratos's browser login path, appended to {@code ory.kratos.url} when {@value #LOGIN_URL} is not set. */
    public static final String KRATOS_LOGIN_PATH = "/self-service/login/browser";

    /** Copies the list. */
    public BrowserConfig {
        allowedReturnUrls = List.copyOf(allowedReturnUrls);
    }

    /** The fallback return URL, when one is configured. */
    public Optional<URI> defaultReturnUrlIfAny() {
        return Optional.ofNullable(defaultReturnUrl);
    }

    /**
     * Reads and checks the browser keys; the login URL defaults to Kratos's own, from {@code ory.kratos.url}.
     *
     * @param config the MicroProfile Config to read
     * @return the configuration
     * @throws IllegalArgumentException naming the key, when a value is invalid (or {@code ory.kratos.url} is)
     */
    public static BrowserConfig load(Config config) {
        return load(config, OryConfig.load(config).kratosUrl());
    }

    /**
     * Reads and checks the browser keys.
     *
     * @param config the MicroProfile Config to read
     * @param kratosUrl Kratos's public URL, for the default login URL
     * @return the configuration
     * @throws IllegalArgumentException naming the key, when a value is invalid
     */
    public static BrowserConfig load(Config config, URI kratosUrl) {
        URI login = ConfigValues.text(config, LOGIN_URL).map(raw -> ConfigValues.httpUrl(LOGIN_URL, raw))
                .orElseGet(() -> URI.create(kratosUrl + KRATOS_LOGIN_PATH));
        List<AllowedReturnUrl> allowed = ConfigValues.urlList(config, ALLOWED_RETURN_URLS);
        URI fallback = ConfigValues.text(config, DEFAULT_RETURN_URL).map(raw -> ConfigValues.httpUrl(DEFAULT_RETURN_URL, raw))
                .orElse(null);
        BrowserConfig result = new BrowserConfig(login, allowed, fallback);
        if (fallback != null) {
            try {
                new ReturnToPolicy(allowed, fallback);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(DEFAULT_RETURN_URL + " " + fallback + " must be allowed by "
                        + ALLOWED_RETURN_URLS + (allowed.isEmpty() ? ", which is not set" : " " + allowed), e);
            }
        }
        return result;
    }
}
