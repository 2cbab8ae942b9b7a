package io.github.orysession.jaxrs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites a {@code Cache-Control} value so that no shared cache (a CDN, a reverse proxy) may store the response,
 * whatever the resource chose: {@code public} and {@code s-maxage} (the shared caches' own lifetime) are dropped,
 * a {@code private="field"} that spares only some headers becomes a plain {@code private}, and {@code private} is
 * added; every other directive ({@code max-age}, {@code no-cache}, {@code no-store}, ...) is kept for the browser's
 * own cache. For a response that carries a session cookie.
 */
final class PrivateCaching {

    private PrivateCaching() {
    }

    /**
     * @param cacheControl the response's {@code Cache-Control}, or {@code null} when it has none
     * @return {@code private}, followed by the directives kept
     */
    static String of(String cacheControl) {
        StringBuilder result = new StringBuilder("private");
        for (String directive : directives(cacheControl)) {
            int eq = directive.indexOf('=');
            String name = (eq < 0 ? directive : directive.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (!name.equals("public") && !name.equals("s-maxage") && !name.equals("private")) {
                result.append(", ").append(directive);
            }
        }
        return result.toString();
    }

    /** The directives, split at commas outside quoted strings ({@code no-cache="Set-Cookie, X"} is one). */
    private static List<String> directives(String value) {
        List<String> directives = new ArrayList<>();
        if (value == null) {
            return directives;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                add(directives, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        add(directives, current);
        return directives;
    }

    private static void add(List<String> directives, StringBuilder directive) {
        String trimmed = directive.toString().trim();
        if (!trimmed.isEmpty()) {
            directives.add(trimmed);
        }
    }
}
