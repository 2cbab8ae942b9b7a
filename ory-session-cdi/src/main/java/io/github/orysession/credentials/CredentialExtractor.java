package io.github.orysession.credentials;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a request's session credentials from its headers.
 * <p>
 * Precedence follows Kratos: {@code X-Session-Token}, then {@code Authorization: Bearer}, then the session
 * cookie(s). Of the {@code Cookie} headers only the cookies whose names match {@link CookieNames} are kept,
 * so the application's other cookies never travel to Kratos.
 */
public final class CredentialExtractor {

    private static final String BEARER = "bearer";

    private final CookieNames cookieNames;

    /**
     * @param cookieNames which cookie names carry an Ory session
     */
    public CredentialExtractor(CookieNames cookieNames) {
        this.cookieNames = cookieNames;
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
                return Credentials.ofToken(value.trim());
            }
        }
        for (String value : nullToEmpty(authorizationHeaders)) {
            String token = bearerToken(value);
            if (token != null) {
                return Credentials.ofToken(token);
            }
        }
        String cookies = sessionCookies(nullToEmpty(cookieHeaders));
        return cookies.isEmpty() ? Credentials.none() : Credentials.ofCookies(cookies);
    }

    /**
     * The token of an {@code Authorization: Bearer} value, the scheme matched case-insensitively.
     *
     * @param header the header value
     * @return the token, or {@code null} when the header is not a bearer header with a token
     */
    static String bearerToken(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        int space = indexOfWhitespace(value);
        if (space != BEARER.length() || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return null;
        }
        String token = value.substring(space).trim();
        return token.isEmpty() ? null : token;
    }

    /**
     * Joins the session cookies of all {@code Cookie} headers into one header value, in the order sent,
     * dropping exact duplicates and every cookie that is not a session cookie.
     */
    String sessionCookies(List<String> cookieHeaders) {
        Set<String> kept = new LinkedHashSet<>();
        for (String header : cookieHeaders) {
            if (header == null) {
                continue;
            }
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (!value.isEmpty() && !"\"\"".equals(value) && cookieNames.matches(name)) {
                    kept.add(name + "=" + value);
                }
            }
        }
        return String.join("; ", kept);
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
