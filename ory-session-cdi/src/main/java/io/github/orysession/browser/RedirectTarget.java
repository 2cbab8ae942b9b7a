package io.github.orysession.browser;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a would-be redirect target into a normalised absolute {@code http(s)} URL, or refuses it, before the
 * allow-list looks at it. Refused: anything that is not plain printable ASCII (control characters, spaces,
 * non-ASCII), backslashes, percent-encoded control characters (CR, LF, NUL, TAB, ...) or backslashes (also
 * double-encoded), malformed percent-encoding, user info, a missing host ({@code http:///path},
 * {@code https:evil.example}), schemes other than {@code http} and {@code https}, and dot segments
 * ({@code /app/../admin}, also encoded, also with path parameters: {@code /app/..;/admin}) in an absolute target. A relative target is resolved against the base first (which normalises its dot segments), so
 * {@code //evil.example} becomes {@code http://evil.example/} and is then judged like any other host.
 */
final class RedirectTarget {

    /** Longer targets are refused: no page of the application needs more, and it bounds the work. */
    static final int MAX_LENGTH = 4096;
    /** Rounds of percent-decoding looked through for hidden control characters and dot segments. */
    private static final int DECODE_ROUNDS = 4;

    private RedirectTarget() {
    }

    /**
     * @param raw the target as given (absolute, or relative to {@code base})
     * @param base the URL a relative target is relative to (the request's URL), or {@code null} to refuse relative ones
     * @return the normalised absolute URL, or empty when the target is refused
     */
    static Optional<URI> normalise(String raw, URI base) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH || !printableAsciiWithoutBackslash(raw)
                || hidesForbiddenCharacters(raw)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        boolean relative = !uri.isAbsolute();
        if (relative) {
            if (base == null || !base.isAbsolute() || base.isOpaque()) {
                return Optional.empty();
            }
            uri = withPath(base).resolve(uri);
        }
        if (uri.isOpaque() || uri.getScheme() == null || uri.getRawUserInfo() != null
                || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (hasDotSegment(path)) {
            return Optional.empty();
        }
        return Optional.of(rebuild(scheme, uri, path));
    }

    private static URI rebuild(String scheme, URI uri, String path) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        StringBuilder url = new StringBuilder(scheme).append("://").append(host);
        if (port != -1 && port != AllowedReturnUrl.defaultPort(scheme)) {
            url.append(':').append(port);
        }
        url.append(path);
        if (uri.getRawQuery() != null) {
            url.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            url.append('#').append(uri.getRawFragment());
        }
        return URI.create(url.toString());
    }

    /** {@code URI.resolve} glues a relative path straight onto a base without a path ({@code http://hostx}). */
    private static URI withPath(URI base) {
        if (base.getRawPath() != null && !base.getRawPath().isEmpty()) {
            return base;
        }
        try {
            return new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
        } catch (URISyntaxException e) {
            return base;
        }
    }

    private static boolean printableAsciiWithoutBackslash(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * Looks through up to {@value #DECODE_ROUNDS} rounds of percent-decoding for control characters (CR, LF, NUL,
     * TAB, ...), DEL and backslashes, and refuses malformed escapes: {@code %0d%0a}, {@code %250d}, {@code %5c}.
     */
    private static boolean hidesForbiddenCharacters(String value) {
        String current = value;
        for (int round = 0; round < DECODE_ROUNDS && current.indexOf('%') >= 0; round++) {
            StringBuilder decoded = new StringBuilder(current.length());
            for (int i = 0; i < current.length(); i++) {
                char c = current.charAt(i);
                if (c != '%') {
                    decoded.append(c);
                    continue;
                }
                if (i + 2 >= current.length() || Character.digit(current.charAt(i + 1), 16) < 0
                        || Character.digit(current.charAt(i + 2), 16) < 0) {
                    return true;
                }
                int b = Integer.parseInt(current.substring(i + 1, i + 3), 16);
                // An encoded space or UTF-8 byte is ordinary in a path; control characters and DEL are not.
                if (b < 0x20 || b == 0x7f || b == '\\') {
                    return true;
                }
                decoded.append((char) b);
                i += 2;
            }
            current = decoded.toString();
        }
        return false;
    }

    /**
     * A {@code .} or {@code ..} segment, also percent-encoded ({@code %2e%2E}), or an encoded slash making one, also
     * with path parameters ({@code ..;}, {@code ..;jsessionid=x}, {@code .%3b}): a container that strips a segment's
     * parameters before it resolves dot segments (as Servlet containers do) turns {@code /app/..;/admin} into
     * {@code /admin}.
     */
    private static boolean hasDotSegment(String rawPath) {
        String path = rawPath;
        for (int round = 0; round <= DECODE_ROUNDS; round++) {
            for (String segment : path.split("/", -1)) {
                int parameters = segment.indexOf(';');
                String name = parameters < 0 ? segment : segment.substring(0, parameters);
                if (name.equals(".") || name.equals("..")) {
                    return true;
                }
            }
            String next = path.replaceAll("(?i)%2e", ".").replaceAll("(?i)%2f", "/").replaceAll("(?i)%3b", ";")
                    .replaceAll("(?i)%25", "%");
            if (next.equals(path)) {
                return false;
            }
            path = next;
        }
        return true;
    }
}
