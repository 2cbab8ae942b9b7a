package io.github.orysession.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Whether a request is a browser navigating to a page (answered with a redirect to the login) or an API call
 * (answered with a JSON error), decided from its headers alone.
 * <p>
 * A browser navigation is a {@code GET} or {@code HEAD} whose {@code Accept} names {@code text/html} (or
 * {@code application/xhtml+xml}) with a non-zero quality, without {@code X-Requested-With} (XHR libraries),
 * whose {@code Sec-Fetch-Mode} is absent or {@code navigate} and {@code Sec-Fetch-Dest} absent or a document or
 * frame (browsers send {@code cors} / {@code empty} for {@code fetch()}), and that carries no
 * {@code X-Session-Token} or {@code Authorization} header (native apps and API clients). Everything else is an
 * API call, including {@code Accept: *}{@code /*} alone, which is what {@code fetch()} and most HTTP clients send.
 */
public enum RequestKind {
    /** A browser navigating to a page. */
    BROWSER,
    /** Anything else: XHR, {@code fetch()}, native apps, servers. */
    API;

    /**
     * @param method the HTTP method
     * @param headers all values of a request header by name (case-insensitive), empty when absent
     * @return the kind of request
     */
    public static RequestKind classify(String method, Function<String, List<String>> headers) {
        if (!"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method)) {
            return API;
        }
        if (present(headers, "X-Requested-With") || present(headers, "X-Session-Token") || present(headers, "Authorization")) {
            return API;
        }
        String mode = first(headers, "Sec-Fetch-Mode");
        if (mode != null && !mode.trim().equalsIgnoreCase("navigate")) {
            return API;
        }
        String dest = first(headers, "Sec-Fetch-Dest");
        if (dest != null && !List.of("document", "iframe", "frame").contains(dest.trim().toLowerCase(Locale.ROOT))) {
            return API;
        }
        return acceptsHtml(values(headers, "Accept")) ? BROWSER : API;
    }

    /** Whether an {@code Accept} header explicitly takes HTML, with a quality above zero. */
    static boolean acceptsHtml(List<String> acceptHeaders) {
        for (String header : acceptHeaders) {
            for (String range : header.split(",")) {
                String[] parts = range.split(";");
                String type = parts[0].trim().toLowerCase(Locale.ROOT);
                if ((type.equals("text/html") || type.equals("application/xhtml+xml")) && quality(parts) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.toLowerCase(Locale.ROOT).startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static boolean present(Function<String, List<String>> headers, String name) {
        return !values(headers, name).isEmpty();
    }

    private static String first(Function<String, List<String>> headers, String name) {
        List<String> values = values(headers, name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> values(Function<String, List<String>> headers, String name) {
        List<String> values = headers.apply(name);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
