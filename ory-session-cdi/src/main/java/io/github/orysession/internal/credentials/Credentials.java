package io.github.orysession.internal.credentials;

import java.util.Objects;
import java.util.Optional;

import io.github.orysession.RefusalReason;

/**
 * What a request offered to prove its session: a session token, or the session cookie(s) only.
 * <p>
 * The values are secrets. {@link #toString()} never shows them, and {@link #fingerprint()} gives a
 * SHA-256 digest to correlate or key on instead of the raw value.
 */
public final class Credentials {

    private static final Credentials NONE = new Credentials(null, null, null);

    private final String sessionToken;
    private final String sessionCookies;
    private final RefusalReason unusableReason;
    private volatile String fingerprint;

    private Credentials(String sessionToken, String sessionCookies, RefusalReason unusableReason) {
        this.sessionToken = sessionToken;
        this.sessionCookies = sessionCookies;
        this.unusableReason = unusableReason;
    }

    /** No credentials at all. */
    public static Credentials none() {
        return NONE;
    }

    /**
     * A session token, from {@code X-Session-Token} or {@code Authorization: Bearer}.
     *
     * @param token the token, not blank
     * @return the credentials
     */
    public static Credentials ofToken(String token) {
        return new Credentials(requireText(token), null, null);
    }

    /**
     * Session cookies, already reduced to the session cookie(s) and joined as a {@code Cookie} header value.
     *
     * @param cookieHeader for example {@code ory_kratos_session=...}
     * @return the credentials
     */
    public static Credentials ofCookies(String cookieHeader) {
        return new Credentials(null, requireText(cookieHeader), null);
    }

    /**
     * The request sent something in a credential's place that cannot be one (too large, control characters, too
     * many session cookies). It is refused locally with {@code 401} and never forwarded to Kratos.
     *
     * @param reason why, such as {@link RefusalReason#CREDENTIAL_TOO_LARGE}
     * @return the credentials
     */
    public static Credentials unusable(RefusalReason reason) {
        return new Credentials(null, null, Objects.requireNonNull(reason));
    }

    /** Why the request's credential was refused without asking Kratos, when it was. */
    public Optional<RefusalReason> unusableReason() {
        return Optional.ofNullable(unusableReason);
    }

    /**
     * Why these credentials have no session without asking Kratos: the reason they are unusable, or
     * {@link RefusalReason#NO_CREDENTIALS}. Meaningful only when {@link #isPresent()} is {@code false}.
     */
    public RefusalReason refusal() {
        return unusableReason == null ? RefusalReason.NO_CREDENTIALS : unusableReason;
    }

    /**
     * Whether the request sent anything in a credential's place, usable or not: what decides whether a {@code 401}
     * says {@code error="invalid_token"}.
     */
    public boolean wasOffered() {
        return isPresent() || unusableReason != null;
    }

    /** Whether the request offered a credential that may be sent to Kratos. */
    public boolean isPresent() {
        return sessionToken != null || sessionCookies != null;
    }

    /** The session token, to send to Kratos as {@code X-Session-Token}. */
    public Optional<String> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    /** The session cookie(s) only, to send to Kratos as the {@code Cookie} header. */
    public Optional<String> sessionCookies() {
        return Optional.ofNullable(sessionCookies);
    }

    /**
     * A hex SHA-256 digest of the kind and value, safe to log (abbreviated) or to use as a cache key.
     *
     * @return 64 hex characters; the empty string when there are no credentials
     */
    public String fingerprint() {
        String result = fingerprint;
        if (result == null) {
            result = isPresent() ? Sha256.hex(kindAndValue()) : "";
            fingerprint = result;
        }
        return result;
    }

    /**
     * A hex SHA-256 digest of a scope, the kind and the value: a cache key that is bound to what the scope names
     * (the Kratos that gave a verdict and the tokenizer template it was asked for), so that two applications sharing a
     * cache but trusting different Kratos projects never find each other's entries.
     *
     * @param scope what the key is bound to; never empty
     * @return 64 hex characters; the empty string when there are no credentials
     */
    public String fingerprint(String scope) {
        return isPresent() ? Sha256.hex(scope + "\n" + kindAndValue()) : "";
    }

    private String kindAndValue() {
        return sessionToken != null ? "t:" + sessionToken : "c:" + sessionCookies;
    }

    /** Describes the kind of credential and a short fingerprint, never the value. */
    @Override
    public String toString() {
        if (unusableReason != null) {
            return "Credentials[unusable: " + unusableReason.wireValue() + "]";
        }
        if (!isPresent()) {
            return "Credentials[none]";
        }
        return "Credentials[" + (sessionToken != null ? "token" : "cookie") + ", sha256:" + fingerprint().substring(0, 12) + "]";
    }

    private static String requireText(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("credential value must not be blank");
        }
        return value;
    }
}
