package io.github.orysession.internal.config;

import java.net.URI;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * Where Kratos's admin API is and how the library authenticates to it, read once from MicroProfile Config. Used only
 * by the administrative session operations ({@code io.github.orysession.manage.SessionAdmin}); an application that
 * never calls them needs neither key.
 * <table>
 * <caption>Admin API keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@value #ADMIN_URL}</td><td>(none)</td><td>Kratos's admin API ({@code http://127.0.0.1:4434} self-hosted),
 * or the Ory Network project URL ({@code https://<slug>.projects.oryapis.com})</td></tr>
 * <tr><td>{@value #ADMIN_API_KEY}</td><td>(none)</td><td>Ory Network API key, sent as {@code Authorization: Bearer};
 * self-hosted Kratos needs none (protect its admin port by network instead)</td></tr>
 * </table>
 * The API key is a secret: {@link #toString()} does not show it, and no message of the library contains it.
 *
 * @param adminUrl the admin API base URL without a trailing slash, or {@code null} when not configured
 * @param apiKey the API key, or {@code null} when none is configured
 */
public record AdminConfig(URI adminUrl, String apiKey) {

    /** Kratos admin API base URL. */
    public static final String ADMIN_URL = "ory.kratos.admin-url";
    /** API key for the admin API (Ory Network), sent as a bearer token. */
    public static final String ADMIN_API_KEY = "ory.kratos.admin-api-key";

    private static final int MAX_API_KEY_LENGTH = 4096;

    /**
     * Reads and checks the admin keys.
     *
     * @param config the MicroProfile Config to read
     * @return the admin configuration, possibly with neither key
     * @throws IllegalArgumentException naming the key, when a value is invalid (never showing the API key)
     */
    public static AdminConfig load(Config config) {
        URI url = ConfigValues.text(config, ADMIN_URL).map(raw -> ConfigValues.baseUrl(ADMIN_URL, raw)).orElse(null);
        String key = ConfigValues.text(config, ADMIN_API_KEY).orElse(null);
        if (key != null && (key.length() > MAX_API_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException(ADMIN_API_KEY + " must be printable ASCII without spaces, at most "
                    + MAX_API_KEY_LENGTH + " characters (value not shown)");
        }
        if (key != null && url == null) {
            throw new IllegalArgumentException(ADMIN_API_KEY + " is set but " + ADMIN_URL + " is not: set "
                    + ADMIN_URL + " to the Kratos admin API (for Ory Network, the project URL)");
        }
        return new AdminConfig(url, key);
    }

    /** No admin API: administrative operations throw {@link IllegalStateException}. */
    public static AdminConfig none() {
        return new AdminConfig(null, null);
    }

    /** The admin API URL, when configured. */
    public Optional<URI> adminUrlIfAny() {
        return Optional.ofNullable(adminUrl);
    }

    /**
     * The admin API URL.
     *
     * @return the URL
     * @throws IllegalStateException naming {@value #ADMIN_URL} when it is not configured
     */
    public URI requireAdminUrl() {
        if (adminUrl == null) {
            throw new IllegalStateException(ADMIN_URL + " is not set: administrative session operations need the "
                    + "Kratos admin API (http://127.0.0.1:4434 self-hosted, https://<slug>.projects.oryapis.com on Ory Network)");
        }
        return adminUrl;
    }

    /** Whether an API key is configured. */
    public boolean hasApiKey() {
        return apiKey != null;
    }

    /** The {@code Authorization} header value for the admin API, or {@code null} when no API key is configured. */
    public String authorization() {
        return apiKey == null ? null : "Bearer " + apiKey;
    }

    /** Shows the URL and whether a key is set, never the key. */
    @Override
    public String toString() {
        return "AdminConfig[adminUrl=" + adminUrl + ", apiKey=" + (apiKey == null ? "none" : "(set)") + "]";
    }
}
