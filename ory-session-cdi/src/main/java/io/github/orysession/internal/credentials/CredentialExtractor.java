package io.github.orysession.internal.credentials;

import java.util.List;
import java.util.Locale;

import io.github.orysession.RefusalReason;

/**
 * Reads a request's session credentials from its headers.
 * <p>
 * Precedence follows Kratos: {@code X-Session-Token}, then {@code Authorization: Bearer}, then the session
 * cookie(s). Of the {@code Cookie} headers only the cookies whose names match {@link CookieNames} are kept,
 * so the application's other cookies never travel to Kratos. Likewise a bearer value that is a JSON Web Token is
 * not taken for a session token (see {@link #isJsonWebToken(String)}): it is some other identity provider's, for
 * example one the server's own MicroProfile JWT verifies, and never travels to Kratos either.
 * <p>
 * Hostile input is refused here, before anything reaches Kratos: a token or session cookie longer than the
 * configured limit, one with characters no token or cookie can hold (control characters such as CR/LF,
 * spaces, non-ASCII), or more distinct session cookies than {@value #MAX_SESSION_COOKIES} gives
 * {@link Credentials#unusable(RefusalReason)}.
 */
public final class CredentialExtractor {

    /** More distinct session cookies than this in one request is not a browser, and is refused. */
    public static final int MAX_SESSION_COOKIES = 8;
    /** The default longest token or session cookie value accepted, in characters. */
    public static final int DEFAULT_MAX_LENGTH = 4096;

    private static final String BEARER = "bearer";

    private final CookieNames cookieNames;
    private final int maxLength;

    /**
     * @param cookieNames which cookie names carry an Ory session
     */
    public CredentialExtractor(CookieNames cookieNames) {
        this(cookieNames, DEFAULT_MAX_LENGTH);
    }

    /**
     * @param cookieNames which cookie names carry an Ory session
     * @param maxLength the longest token or session cookie value accepted, in characters
     */
    public CredentialExtractor(CookieNames cookieNames, int maxLength) {
        this.cookieNames = cookieNames;
        this.maxLength = maxLength;
    }

    /**
     * Extracts credentials.
     *
     * @param sessionTokenHeaders values of {@code X-Session-Token}, possibly empty
     * @param authorizationHeaders values of {@code Authorization}, possibly empty
     * @param cookieHeaders values of {@code Cookie}, possibly empty
     * @return the credentials, {@link Credentials#none()} when nothing usable was sent
     */
    public Credentials extract(List<String> sessionTokenHeaders, List<String> authorizationHeaders, List<String> cookieHeaders) {
        for (String value : nullToEmpty(sessionTokenHeaders)) {
            if (value != null && !value.isBlank()) {
                return token(value.strip());
            }
        }
        for (String value : nullToEmpty(authorizationHeaders)) {
            String token = bearerToken(value);
            if (token != null && !isJsonWebToken(token)) {
                return token(token);
            }
        }
        List<String> cookies = sessionCookies(nullToEmpty(cookieHeaders));
        if (cookies.isEmpty()) {
            return Credentials.none();
        }
        if (cookies.size() > MAX_SESSION_COOKIES) {
            return Credentials.unusable(RefusalReason.TOO_MANY_SESSION_COOKIES);
        }
        for (String cookie : cookies) {
            String value = cookie.substring(cookie.indexOf('=') + 1);
            if (value.length() > maxLength) {
                return Credentials.unusable(RefusalReason.CREDENTIAL_TOO_LARGE);
            }
            if (!isCookieValue(value)) {
                return Credentials.unusable(RefusalReason.MALFORMED_CREDENTIAL);
            }
        }
        return Credentials.ofCookies(String.join("; ", cookies));
    }

    private Credentials token(String token) {
        if (token.length() > maxLength) {
            return Credentials.unusable(RefusalReason.CREDENTIAL_TOO_LARGE);
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return Credentials.unusable(RefusalReason.MALFORMED_CREDENTIAL);
            }
        }
        return Credentials.ofToken(token);
    }

    /** RFC 6265 cookie-octets, optionally inside double quotes. */
    static boolean isCookieValue(String value) {
        String v = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == ',' || c == ';' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * The token of an {@code Authorization: Bearer} value, the scheme matched case-insensitively.
     *
     * @param header the header value
     * @return the token, or {@code null} when the header is not a bearer header with a token
     */
    public static String bearerToken(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        int space = indexOfWhitespace(value);
        if (space != BEARER.length() || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return null;
        }
        String token = value.substring(space).strip();
        return token.isEmpty() ? null : token;
    }

    /**
     * Whether a bearer value is a JSON Web Token: the compact serialization of a JWS (three parts) or a JWE (five),
     * base64url parts joined by dots, the first never empty. No Ory session token is one: Kratos's are
     * {@code ory_st_} and letters and digits, without a dot.
     *
     * @param token a bearer value
     * @return whether it has the shape of a JWT
     */
    public static boolean isJsonWebToken(String token) {
        String[] parts = token.split("\\.", -1);
        if ((parts.length != 3 && parts.length != 5) || parts[0].isEmpty()) {
            return false;
        }
        for (String part : parts) {
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_';
                if (!base64url) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The session cookies of all {@code Cookie} headers as {@code name=value} pairs, in the order sent,
     * without exact duplicates and without any cookie that is not a session cookie.
     */
    List<String> sessionCookies(List<String> cookieHeaders) {
        return CookieHeaders.pairs(cookieHeaders,
                (name, value) -> !value.isEmpty() && !"\"\"".equals(value) && cookieNames.matches(name));
    }

    private static int indexOfWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> nullToEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
