package io.github.orysession.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.github.orysession.browser.AllowedReturnUrl;

/**
 * The one place that reads and checks a configuration value: whole numbers and URLs. Every message names the key, and
 * none shows a secret.
 */
public final class ConfigValues {

    private ConfigValues() {
    }

    /** The trimmed value, or empty when the key is unset or blank. */
    static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** The trimmed value, or the default. */
    static String text(Config config, String key, String defaultValue) {
        return text(config, key).orElse(defaultValue);
    }

    /**
     * @return the value, a whole number from 1 to {@link Integer#MAX_VALUE}
     * @throws IllegalArgumentException naming the key, when it is anything else
     */
    static int positive(Config config, String key, String defaultValue) {
        String raw = text(config, key, defaultValue);
        try {
            long value = Long.parseLong(raw);
            if (value > 0 && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // the same message as for a value out of range
        }
        throw new IllegalArgumentException(key + " must be a positive whole number, got " + raw);
    }

    /**
     * @return the value, a whole number from {@code min} to {@code max}
     * @throws IllegalArgumentException naming the key and the range, when it is anything else
     */
    static int between(Config config, String key, String defaultValue, int min, int max) {
        String raw = text(config, key, defaultValue);
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // the same message as for a value out of range
        }
        throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max + ", got " + raw);
    }

    /**
     * An absolute {@code http} or {@code https} URL with a host, and neither user info nor a fragment: where the
     * library sends requests or browsers.
     *
     * @throws IllegalArgumentException naming the key, when it is not one (the value is shown: URLs are not secrets,
     *         and one with user info is refused before it could be logged)
     */
    static URI httpUrl(String key, String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: " + e.getReason() + " at index " + e.getIndex(), e);
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(key + " must be an absolute http or https URL, got " + raw);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(key + " must not carry user info (credentials in the URL)");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException(key + " must not have a fragment, got " + raw);
        }
        return uri;
    }

    /**
     * The base URL of an API: an {@link #httpUrl(String, String)} without a query, its trailing slash removed.
     *
     * @throws IllegalArgumentException naming the key, when it is not one
     */
    static URI baseUrl(String key, String raw) {
        URI uri = httpUrl(key, raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        if (uri.getRawQuery() != null) {
            throw new IllegalArgumentException(key + " must not have a query, got " + raw);
        }
        return uri;
    }

    /** Whether a host name is this machine's loopback, where plain {@code http} is not a risk. */
    public static boolean isLoopback(String host) {
        return "localhost".equalsIgnoreCase(host) || host.startsWith("127.") || "[::1]".equals(host) || "::1".equals(host);
    }

    /**
     * A comma-separated list of {@link AllowedReturnUrl} entries (the return URL and downstream allow-lists).
     *
     * @return the entries, empty when the key is unset
     * @throws IllegalArgumentException naming the key, when an entry is invalid
     */
    static List<AllowedReturnUrl> urlList(Config config, String key) {
        List<AllowedReturnUrl> entries = new ArrayList<>();
        for (String entry : text(config, key, "").split(",")) {
            if (!entry.isBlank()) {
                try {
                    entries.add(AllowedReturnUrl.parse(entry));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(entries);
    }
}
