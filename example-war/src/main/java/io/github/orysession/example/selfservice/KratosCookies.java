package io.github.orysession.example.selfservice;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;


/**
 * Picks Kratos's own cookies out of a browser's {@code Cookie} headers, for fetching a flow on the browser's behalf:
 * the session cookies ({@code ory.session.cookie-names}, the same names the library forwards) and Kratos's anti-CSRF
 * cookie ({@code csrf_token_<hash of Kratos's public URL>}), without which Kratos refuses to hand out a browser flow.
 * The application's other cookies never travel to Kratos. Values that no cookie can hold (control characters,
 * spaces, quotes, more than {@value #MAX_VALUE_LENGTH} characters) and more than {@value #MAX_COOKIES} of them are
 * dropped. Nothing here logs a value.
 */
public final class KratosCookies {

    /** The prefix of Kratos's anti-CSRF cookie. */
    public static final String CSRF_PREFIX = "csrf_token_";
    /** Longest cookie value passed on. */
    static final int MAX_VALUE_LENGTH = 4096;
    /** Most cookies passed on: a session cookie or two and a CSRF cookie per Kratos the browser has met. */
    static final int MAX_COOKIES = 16;

    private final List<String> sessionCookies;

    /**
     * @param sessionCookies the session cookie names ({@code ory.session.cookie-names}); a trailing {@code *} is a prefix
     */
    public KratosCookies(List<String> sessionCookies) {
        this.sessionCookies = List.copyOf(sessionCookies);
    }

    /**
     * @param cookieHeaders the request's {@code Cookie} header values, possibly empty or {@code null}
     * @return Kratos's cookies as one {@code Cookie} header value, in the order sent; empty when there are none
     */
    public Optional<String> select(List<String> cookieHeaders) {
        Set<String> kept = new LinkedHashSet<>();
        for (String header : cookieHeaders == null ? List.<String>of() : cookieHeaders) {
            for (String pair : header == null ? new String[0] : header.split(";")) {
                int eq = pair.indexOf('=');
                String name = eq <= 0 ? "" : pair.substring(0, eq).trim();
                String value = eq <= 0 ? "" : pair.substring(eq + 1).trim();
                if (!name.isEmpty() && isKratosCookie(name) && isCookieValue(value)) {
                    kept.add(name + "=" + value);
                }
            }
        }
        List<String> ordered = List.copyOf(kept);
        return ordered.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", ordered.subList(0, Math.min(ordered.size(), MAX_COOKIES))));
    }

    private boolean isKratosCookie(String name) {
        return isSessionCookie(name) || (name.startsWith(CSRF_PREFIX) && name.length() > CSRF_PREFIX.length()
                && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-'));
    }

    private boolean isSessionCookie(String name) {
        for (String pattern : sessionCookies) {
            boolean prefix = pattern.endsWith("*");
            if (prefix ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : name.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 6265 cookie-octets, not empty, not too long. */
    private static boolean isCookieValue(String value) {
        if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == ',' || c == ';' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
