package io.github.orysession.security.internal;

/**
 * A servlet URL pattern, as web.xml's {@code <url-pattern>} writes it: an exact path, a path prefix ending in
 * {@code /*}, or an extension {@code *.ext}. Matched against a request's path inside the application, which the
 * container has already decoded and normalised (its servlet path plus path info), the same path its security
 * constraints are matched against.
 *
 * @param kind exact, prefix or extension
 * @param value the path, the prefix without {@code /*}, or the extension with its dot
 * @param pattern the pattern as written
 */
record UrlPattern(Kind kind, String value, String pattern) {

    /** The three forms a pattern takes. */
    enum Kind { EXACT, PREFIX, EXTENSION }

    /**
     * @param pattern the pattern as written
     * @return the pattern
     * @throws IllegalArgumentException saying why, when it is not a servlet URL pattern this mechanism supports
     */
    static UrlPattern parse(String pattern) {
        if (pattern == null || pattern.isEmpty() || pattern.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("url pattern \"" + pattern + "\" is empty or has spaces or control characters");
        }
        if (pattern.startsWith("*.")) {
            String extension = pattern.substring(1);
            if (extension.length() < 2 || extension.contains("/") || extension.contains("*")) {
                throw new IllegalArgumentException("url pattern \"" + pattern + "\": an extension pattern is *.<ext> (such as *.pdf)");
            }
            return new UrlPattern(Kind.EXTENSION, extension, pattern);
        }
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("url pattern \"" + pattern + "\" must start with / (a path) or *. (an extension)");
        }
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            if (prefix.contains("*")) {
                throw new IllegalArgumentException("url pattern \"" + pattern + "\": * is allowed only as the last segment of a path prefix");
            }
            return new UrlPattern(Kind.PREFIX, prefix, pattern);
        }
        if (pattern.contains("*")) {
            throw new IllegalArgumentException("url pattern \"" + pattern + "\": * is allowed only in /prefix/* and *.ext");
        }
        if (pattern.equals("/")) {
            throw new IllegalArgumentException("url pattern \"/\" is the default servlet's, not a URL: use /* for every URL");
        }
        return new UrlPattern(Kind.EXACT, pattern, pattern);
    }

    /**
     * @param path the request's path inside the application, starting with {@code /}
     * @return whether the pattern matches it
     */
    boolean matches(String path) {
        return switch (kind) {
            case EXACT -> path.equals(value);
            // "/admin/*" matches "/admin" and everything under "/admin/", never "/administrator".
            case PREFIX -> path.equals(value) || path.startsWith(value + "/") || value.isEmpty();
            case EXTENSION -> {
                int slash = path.lastIndexOf('/');
                yield path.endsWith(value) && path.length() - slash - 1 > value.length();
            }
        };
    }
}
