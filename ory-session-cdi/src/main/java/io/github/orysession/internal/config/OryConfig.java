package io.github.orysession.internal.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.config.Config;

import io.github.orysession.internal.credentials.CookieNames;

/**
 * The keys of Kratos, the session credentials and the JSON Web Token mapper, read once from MicroProfile Config.
 * The cache's keys are {@link CacheConfig}'s, the browsers' {@link BrowserConfig}'s, the admin API's
 * {@link AdminConfig}'s; every key with its default is in {@code docs/configuration.md}.
 * <p>
 * Keys:
 * <table>
 * <caption>Configuration keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@value #KRATOS_URL}</td><td>(required)</td><td>Kratos public API, or the Ory Network project URL</td></tr>
 * <tr><td>{@value #COOKIE_NAMES}</td><td>{@value #DEFAULT_COOKIE_NAMES}</td><td>session cookie names; a trailing {@code *} is a prefix</td></tr>
 * <tr><td>{@value #CONNECT_TIMEOUT}</td><td>{@value #DEFAULT_CONNECT_TIMEOUT_MS}</td><td>milliseconds to connect to Kratos</td></tr>
 * <tr><td>{@value #READ_TIMEOUT}</td><td>{@value #DEFAULT_READ_TIMEOUT_MS}</td><td>milliseconds to wait for Kratos's answer</td></tr>
 * <tr><td>{@value #MAX_CREDENTIAL_LENGTH}</td><td>{@value #DEFAULT_MAX_CREDENTIAL_LENGTH}</td><td>longest token or session cookie value accepted; longer ones are refused without asking Kratos</td></tr>
 * <tr><td>{@value #BREAKER_THRESHOLD}</td><td>{@value #DEFAULT_BREAKER_THRESHOLD}</td><td>consecutive Kratos failures that open the circuit breaker</td></tr>
 * <tr><td>{@value #BREAKER_OPEN}</td><td>{@value #DEFAULT_BREAKER_OPEN_MS}</td><td>milliseconds the breaker stays open before one trial call</td></tr>
 * <tr><td>{@value #TOKENIZE_AS}</td><td>(none)</td><td>Kratos tokenizer template: whoami returns a Kratos-signed JWT of the session</td></tr>
 * <tr><td>{@value #JWT_ENABLED}</td><td>{@value #DEFAULT_JWT_ENABLED}</td><td>expose the session as a MicroProfile {@code JsonWebToken}</td></tr>
 * <tr><td>{@value #JWT_GROUPS}</td><td>{@value #DEFAULT_JWT_GROUPS}</td><td>JSON pointer to the {@code groups} (roles) in the identity</td></tr>
 * </table>
 *
 * @param kratosUrl the Kratos public base URL, without a trailing slash
 * @param cookieNames the session cookie names
 * @param connectTimeout the connect timeout for calls to Kratos
 * @param readTimeout the read timeout for calls to Kratos
 * @param maxCredentialLength the longest token or session cookie value accepted
 * @param breakerThreshold consecutive failures that open the circuit breaker
 * @param breakerOpenFor how long the breaker stays open
 * @param tokenizeAs the Kratos tokenizer template whoami is asked for, or {@code null} for none
 */
public record OryConfig(URI kratosUrl, CookieNames cookieNames, Duration connectTimeout, Duration readTimeout,
                        int maxCredentialLength, int breakerThreshold, Duration breakerOpenFor, String tokenizeAs) {

    /** Kratos public API base URL, e.g. {@code http://127.0.0.1:4433} or {@code https://<slug>.projects.oryapis.com}. */
    public static final String KRATOS_URL = "ory.kratos.url";
    /** Comma-separated session cookie names. */
    public static final String COOKIE_NAMES = "ory.session.cookie-names";
    /** Connect timeout in milliseconds. */
    public static final String CONNECT_TIMEOUT = "ory.kratos.connect-timeout-ms";
    /** Read timeout in milliseconds. */
    public static final String READ_TIMEOUT = "ory.kratos.read-timeout-ms";

    /** Longest accepted credential, in characters. */
    public static final String MAX_CREDENTIAL_LENGTH = "ory.session.max-credential-length";
    /** Consecutive failures that open the circuit breaker. */
    public static final String BREAKER_THRESHOLD = "ory.kratos.circuit-breaker.failure-threshold";
    /** Milliseconds the circuit breaker stays open. */
    public static final String BREAKER_OPEN = "ory.kratos.circuit-breaker.open-ms";
    /** Kratos tokenizer template name ({@code session.whoami.tokenizer.templates.<name>} in Kratos's config). */
    public static final String TOKENIZE_AS = "ory.session.tokenize-as";
    /** Whether the session is also exposed as a MicroProfile {@code JsonWebToken} (package {@code io.github.orysession.jwt}). */
    public static final String JWT_ENABLED = "ory.jwt.enabled";
    /** JSON pointer, starting at {@code /traits} or {@code /metadata_public}, to the identity's groups (roles). */
    public static final String JWT_GROUPS = "ory.jwt.groups-pointer";

    /** Self-hosted Kratos's cookie and Ory Network's. */
    public static final String DEFAULT_COOKIE_NAMES = "ory_kratos_session,ory_session_*";
    /** Default connect timeout. */
    public static final String DEFAULT_CONNECT_TIMEOUT_MS = "2000";
    /** Default read timeout. */
    public static final String DEFAULT_READ_TIMEOUT_MS = "5000";
    /** Default longest credential: Kratos's tokens are 39 characters, its cookies a few hundred. */
    public static final String DEFAULT_MAX_CREDENTIAL_LENGTH = "4096";
    /** Default failures before the breaker opens. */
    public static final String DEFAULT_BREAKER_THRESHOLD = "5";
    /** Default time the breaker stays open. */
    public static final String DEFAULT_BREAKER_OPEN_MS = "5000";
    /** The JSON Web Token mapper is off unless asked for. */
    public static final String DEFAULT_JWT_ENABLED = "false";
    /**
     * Groups come from a {@code roles} string array in {@code metadata_public} by default: only Kratos's admin API
     * writes it, whereas traits are the user's to edit through the settings flow.
     */
    public static final String DEFAULT_JWT_GROUPS = "/metadata_public/roles";

    /**
     * Reads and checks the configuration.
     *
     * @param config the MicroProfile Config to read
     * @return the configuration
     * @throws IllegalArgumentException naming the key, when a value is missing or invalid
     */
    public static OryConfig load(Config config) {
        URI url = kratosUrl(config);
        String names = config.getOptionalValue(COOKIE_NAMES, String.class).orElse(DEFAULT_COOKIE_NAMES);
        List<String> patterns = Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException(COOKIE_NAMES + " must name at least one cookie");
        }
        CookieNames cookieNames;
        try {
            cookieNames = new CookieNames(patterns);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(COOKIE_NAMES + ": " + e.getMessage(), e);
        }
        return new OryConfig(url, cookieNames,
                millis(config, CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT_MS),
                millis(config, READ_TIMEOUT, DEFAULT_READ_TIMEOUT_MS),
                ConfigValues.positive(config, MAX_CREDENTIAL_LENGTH, DEFAULT_MAX_CREDENTIAL_LENGTH),
                ConfigValues.positive(config, BREAKER_THRESHOLD, DEFAULT_BREAKER_THRESHOLD),
                millis(config, BREAKER_OPEN, DEFAULT_BREAKER_OPEN_MS),
                tokenizeAs(config));
    }

    /**
     * A configuration with every default, for tests and programmatic use.
     *
     * @param kratosUrl the Kratos public URL
     * @return the configuration
     */
    public static OryConfig defaults(URI kratosUrl) {
        return new OryConfig(kratosUrl, new CookieNames(List.of(DEFAULT_COOKIE_NAMES.split(","))),
                Duration.ofMillis(Long.parseLong(DEFAULT_CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(Long.parseLong(DEFAULT_READ_TIMEOUT_MS)),
                Integer.parseInt(DEFAULT_MAX_CREDENTIAL_LENGTH), Integer.parseInt(DEFAULT_BREAKER_THRESHOLD),
                Duration.ofMillis(Long.parseLong(DEFAULT_BREAKER_OPEN_MS)), null);
    }

    /**
     * A copy with other timeouts.
     *
     * @param connect the connect timeout
     * @param read the read timeout
     * @return the copy
     */
    public OryConfig withTimeouts(Duration connect, Duration read) {
        return new OryConfig(kratosUrl, cookieNames, connect, read, maxCredentialLength, breakerThreshold,
                breakerOpenFor, tokenizeAs);
    }

    /**
     * A copy with another circuit breaker.
     *
     * @param threshold consecutive failures that open it
     * @param openFor how long it stays open
     * @return the copy
     */
    public OryConfig withBreaker(int threshold, Duration openFor) {
        return new OryConfig(kratosUrl, cookieNames, connectTimeout, readTimeout, maxCredentialLength, threshold,
                openFor, tokenizeAs);
    }

    private static String tokenizeAs(Config config) {
        String raw = ConfigValues.text(config, TOKENIZE_AS).orElse(null);
        if (raw != null && !raw.matches("[a-zA-Z0-9_.-]+")) {
            throw new IllegalArgumentException(TOKENIZE_AS + " must be a Kratos tokenizer template name "
                    + "(letters, digits, '-', '_', '.'), got " + raw);
        }
        return raw;
    }

    private static URI kratosUrl(Config config) {
        String raw = ConfigValues.text(config, KRATOS_URL).orElseThrow(() -> new IllegalArgumentException(
                KRATOS_URL + " is not set: set it to your Kratos public URL (for example http://127.0.0.1:4433) "
                        + "or your Ory Network project URL (https://<slug>.projects.oryapis.com)"));
        return ConfigValues.baseUrl(KRATOS_URL, raw);
    }

    private static Duration millis(Config config, String key, String defaultValue) {
        return Duration.ofMillis(ConfigValues.positive(config, key, defaultValue));
    }
}
