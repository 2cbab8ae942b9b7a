package io.github.orysession.example.selfservice;

import java.util.List;
import java.util.Optional;

import io.github.orysession.credentials.CookieHeaders;
import io.github.orysession.credentials.CookieNames;

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

    private final CookieNames sessionCookies;

    /**
     * @param sessionCookies the session cookie names ({@code OryConfig.cookieNames()})
     */
    public KratosCookies(CookieNames sessionCookies) {
        this.sessionCookies = sessionCookies;
    }

    /**
     * @param cookieHeaders the request's {@code Cookie} header values, possibly empty or {@code null}
     * @return Kratos's cookies as one {@code Cookie} header value, in the order sent; empty when there are none
     */
    public Optional<String> select(List<String> cookieHeaders) {
        List<String> kept = CookieHeaders.pairs(cookieHeaders == null ? List.of() : cookieHeaders,
                (name, value) -> isKratosCookie(name) && isCookieValue(value));
        return kept.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", kept.subList(0, Math.min(kept.size(), MAX_COOKIES))));
    }

    private boolean isKratosCookie(String name) {
        return sessionCookies.matches(name) || (name.startsWith(CSRF_PREFIX) && name.length() > CSRF_PREFIX.length()
                && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-'));
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
