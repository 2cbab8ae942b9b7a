package io.github.orysession.internal.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.github.orysession.browser.AllowedReturnUrl;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.propagation.PropagationMode;

/**
 * The keys of identity propagation to downstream services ({@code io.github.orysession.propagation}), read once
 * from MicroProfile Config and checked at deployment.
 * <table>
 * <caption>Propagation keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@value #ALLOWED_URLS}</td><td>(none)</td><td>comma-separated {@code scheme://host[:port][/path]}
 *     entries (the return URL allow-list's syntax) of the downstream services a caller's identity may be sent to;
 *     none: it is never sent anywhere</td></tr>
 * <tr><td>{@value #ALL_CLIENTS}</td><td>{@value #DEFAULT_ALL_CLIENTS}</td><td>register the provider on every
 *     MicroProfile REST client the application builds, not only those with {@code @RegisterProvider}</td></tr>
 * <tr><td>{@value #RENEW_BEFORE}</td><td>{@value #DEFAULT_RENEW_BEFORE_MS}</td><td>a Kratos-signed JWT that
 *     expires within this many milliseconds (at least 1) is renewed with Kratos, once per request, before it is
 *     sent; an expired one is never sent</td></tr>
 * <tr><td>{@code ory.propagation.client.<configKey>.mode}</td><td>the annotation's, else {@code jwt}</td>
 *     <td>{@code jwt} or {@code session-token}, for one REST client</td></tr>
 * <tr><td>{@code ory.propagation.client.<configKey>.required}</td><td>the annotation's, else {@code false}</td>
 *     <td>refuse to call that REST client without the caller's identity</td></tr>
 * </table>
 *
 * @param allowedUrls the downstream allow-list; empty when none is configured
 * @param allClients whether every REST client gets the provider
 * @param renewBefore how long before its {@code exp} a JWT is renewed rather than sent
 */
public record PropagationConfig(List<AllowedReturnUrl> allowedUrls, boolean allClients, Duration renewBefore) {

    /** Comma-separated downstream allow-list. */
    public static final String ALLOWED_URLS = "ory.propagation.allowed-urls";
    /** Whether every REST client of the application gets the provider. */
    public static final String ALL_CLIENTS = "ory.propagation.all-clients";
    /** Milliseconds before its expiry that a JWT is renewed rather than sent. */
    public static final String RENEW_BEFORE = "ory.propagation.jwt-renew-before-ms";
    /** A REST client's propagation mode, {@code jwt} or {@code session-token}; {@code <configKey>} is its config key. */
    public static final String CLIENT_MODE = "ory.propagation.client.<configKey>.mode";
    /** Whether a REST client refuses to call without an identity; {@code <configKey>} is its config key. */
    public static final String CLIENT_REQUIRED = "ory.propagation.client.<configKey>.required";
    /** The per-client keys written out whole above (so the documentation check sees them), split at the placeholder. */
    public static final String CLIENT_PREFIX = CLIENT_MODE.substring(0, CLIENT_MODE.indexOf("<configKey>"));
    /** The suffix of a per-client mode key. */
    public static final String MODE_SUFFIX = CLIENT_MODE.substring(CLIENT_MODE.indexOf("<configKey>") + "<configKey>".length());
    /** The suffix of a per-client required key. */
    public static final String REQUIRED_SUFFIX = CLIENT_REQUIRED.substring(CLIENT_REQUIRED.indexOf("<configKey>") + "<configKey>".length());

    /** Only the REST clients that register the provider themselves propagate, unless asked. */
    public static final String DEFAULT_ALL_CLIENTS = "false";
    /**
     * Five seconds: a JWT is checked by the downstream a moment after it is sent, and its clock may run a little
     * ahead of ours; renewal costs one whoami call per session per JWT lifetime.
     */
    public static final String DEFAULT_RENEW_BEFORE_MS = "5000";

    /** Copies the list. */
    public PropagationConfig {
        allowedUrls = List.copyOf(allowedUrls);
    }

    /** The allow-list as the one URL matcher of the library applies it. */
    public ReturnToPolicy allowList() {
        return new ReturnToPolicy(allowedUrls, null);
    }

    /**
     * Reads and checks the keys, including every per-client key the configuration names.
     *
     * @param config the MicroProfile Config to read
     * @return the configuration
     * @throws IllegalArgumentException naming the key, when a value is invalid
     */
    public static PropagationConfig load(Config config) {
        List<AllowedReturnUrl> allowed = ConfigValues.urlList(config, ALLOWED_URLS);
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(CLIENT_PREFIX)) {
                checkClientKey(config, name);
            }
        }
        Duration renewBefore = Duration.ofMillis(ConfigValues.positive(config, RENEW_BEFORE, DEFAULT_RENEW_BEFORE_MS));
        return new PropagationConfig(allowed, bool(config, ALL_CLIENTS, DEFAULT_ALL_CLIENTS), renewBefore);
    }

    /**
     * The configured mode of one REST client, {@code ory.propagation.client.<configKey>.mode}.
     *
     * @param config the MicroProfile Config to read
     * @param configKey the REST client's config key
     * @return the mode, or empty when the key is not set
     * @throws IllegalArgumentException naming the key, when its value is invalid
     */
    public static Optional<PropagationMode> clientMode(Config config, String configKey) {
        String key = CLIENT_PREFIX + configKey + MODE_SUFFIX;
        return ConfigValues.text(config, key).map(raw -> {
            try {
                return PropagationMode.of(raw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " " + e.getMessage(), e);
            }
        });
    }

    /**
     * Whether one REST client requires the caller's identity, {@code ory.propagation.client.<configKey>.required}.
     *
     * @param config the MicroProfile Config to read
     * @param configKey the REST client's config key
     * @return the setting, or empty when the key is not set
     * @throws IllegalArgumentException naming the key, when its value is invalid
     */
    public static Optional<Boolean> clientRequired(Config config, String configKey) {
        String key = CLIENT_PREFIX + configKey + REQUIRED_SUFFIX;
        return ConfigValues.text(config, key).map(raw -> bool(key, raw));
    }

    private static void checkClientKey(Config config, String name) {
        String rest = name.substring(CLIENT_PREFIX.length());
        if (rest.endsWith(MODE_SUFFIX) && rest.length() > MODE_SUFFIX.length()) {
            clientMode(config, rest.substring(0, rest.length() - MODE_SUFFIX.length()));
        } else if (rest.endsWith(REQUIRED_SUFFIX) && rest.length() > REQUIRED_SUFFIX.length()) {
            clientRequired(config, rest.substring(0, rest.length() - REQUIRED_SUFFIX.length()));
        } else {
            throw new IllegalArgumentException(name + " is not a propagation key: use " + CLIENT_PREFIX
                    + "<configKey>" + MODE_SUFFIX + " or " + CLIENT_PREFIX + "<configKey>" + REQUIRED_SUFFIX);
        }
    }

    private static boolean bool(Config config, String key, String defaultValue) {
        return bool(key, ConfigValues.text(config, key, defaultValue));
    }

    private static boolean bool(String key, String raw) {
        String value = raw.toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, got " + raw);
        }
        return Boolean.parseBoolean(value);
    }
}
