package io.github.orysession.internal.credentials;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Reads {@code Cookie} request headers: the one place that splits them into {@code name=value} pairs, for the
 * session cookies the library forwards and for the example's pick of Kratos's own cookies.
 */
public final class CookieHeaders {

    private CookieHeaders() {
    }

    /**
     * @param cookieHeaders the request's {@code Cookie} header values; {@code null} entries are skipped
     * @param keep which pairs, by trimmed name and value, to keep; pairs without a name are never kept
     * @return the kept pairs as {@code name=value}, in the order sent, without exact duplicates
     */
    public static List<String> pairs(List<String> cookieHeaders, BiPredicate<String, String> keep) {
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
                if (keep.test(name, value)) {
                    kept.add(name + "=" + value);
                }
            }
        }
        return List.copyOf(kept);
    }
}
