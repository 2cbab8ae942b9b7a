package io.github.orysession.browser;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the return URL allow-list: {@code scheme://host[:port][/path]}.
 * <ul>
 * <li>scheme: {@code http} or {@code https}, matched exactly;</li>
 * <li>host: matched case-insensitively; {@code *.example.com} matches any strictly deeper subdomain
 *     ({@code app.example.com}, {@code a.b.example.com}) and never {@code example.com} itself, nor
 *     {@code evil-example.com} or {@code example.com.evil.net};</li>
 * <li>port: matched exactly, a missing port being the scheme's default ({@code https://a} is {@code https://a:443});
 *     {@code :*} (any port) only with a loopback host ({@code 127.0.0.1}, {@code [::1]}, {@code localhost}), for
 *     local development where the server picks its port at start, as RFC 8252 (section 7.3) allows for loopback
 *     redirect URIs;</li>
 * <li>path: a prefix on segment boundaries: {@code /app} admits {@code /app}, {@code /app/} and {@code /app/x},
 *     never {@code /application}; no path (or {@code /}) admits every path.</li>
 * </ul>
 * An entry has no user info, query or fragment, and its path has no dot segments or percent-encoding.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host in lower case, without the {@code *.} of a wildcard
 * @param wildcard whether the host is {@code *.host}
 * @param port the port, {@link #ANY_PORT} for a loopback {@code :*}
 * @param path the path prefix without a trailing slash; empty for every path
 */
public record AllowedReturnUrl(String scheme, String host, boolean wildcard, int port, String path) {

    /** The port of an entry written {@code :*}. */
    public static final int ANY_PORT = -1;

    private static final Pattern ENTRY = Pattern.compile(
            "(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?<host>\\[[0-9A-Fa-f:.]+\\]|[^/:?#\\[\\]@]+)"
                    + "(?::(?<port>[0-9]{1,5}|\\*))?(?<path>/[^?#]*)?");
    private static final Pattern DNS_NAME = Pattern.compile(
            "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,;=:@-]+)*/?");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");

    /**
     * Reads an entry.
     *
     * @param entry for example {@code https://app.example.com/app} or {@code https://*.example.com}
     * @return the entry
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static AllowedReturnUrl parse(String entry) {
        String raw = entry == null ? "" : entry.trim();
        Matcher m = ENTRY.matcher(raw);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + raw + "' is not scheme://host[:port][/path] (no user info, query or fragment)");
        }
        String scheme = m.group("scheme").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + raw + "' must be http or https");
        }
        String host = m.group("host").toLowerCase(Locale.ROOT);
        boolean wildcard = host.startsWith("*.");
        if (wildcard) {
            host = host.substring(2);
        }
        boolean ipv6 = host.startsWith("[");
        if (!ipv6 && !DNS_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + raw + "' has an invalid host" + (host.contains("*")
                    ? ": a wildcard is only allowed as the whole first label, *.example.com" : ""));
        }
        if (wildcard && (ipv6 || !host.contains(".") || host.matches("[0-9.]+"))) {
            throw new IllegalArgumentException("'" + raw + "': *. needs a domain with at least two labels, such as *.example.com");
        }
        int port = port(raw, scheme, host, wildcard, m.group("port"));
        String path = m.group("path") == null ? "" : m.group("path");
        if (!PATH.matcher(path).matches() || path.contains("/./") || path.contains("/../")
                || path.endsWith("/.") || path.endsWith("/..")) {
            throw new IllegalArgumentException("'" + raw + "' has a path with dot segments, percent-encoding or "
                    + "characters a path prefix cannot have");
        }
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new AllowedReturnUrl(scheme, host, wildcard, port, path);
    }

    private static int port(String raw, String scheme, String host, boolean wildcard, String value) {
        if (value == null) {
            return defaultPort(scheme);
        }
        if (value.equals("*")) {
            if (wildcard || !LOOPBACK.contains(host)) {
                throw new IllegalArgumentException("'" + raw + "': any port (:*) is only allowed for 127.0.0.1, [::1] "
                        + "and localhost");
            }
            return ANY_PORT;
        }
        int port = Integer.parseInt(value);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + raw + "' has a port outside 1-65535");
        }
        return port;
    }

    /** 443 for {@code https}, 80 for {@code http}. */
    static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    /**
     * Whether an absolute URL that has already passed {@link RedirectTarget}'s checks is admitted by this entry.
     *
     * @param target a normalised absolute http(s) URL: lower-case scheme and host, no user info
     * @return {@code true} when scheme, host, port and path prefix all match
     */
    public boolean admits(URI target) {
        if (!scheme.equals(target.getScheme())) {
            return false;
        }
        String targetHost = target.getHost();
        boolean hostMatches = wildcard
                ? targetHost.endsWith("." + host) && targetHost.length() > host.length() + 1
                : targetHost.equals(host);
        if (!hostMatches) {
            return false;
        }
        int targetPort = target.getPort() == -1 ? defaultPort(scheme) : target.getPort();
        if (port != ANY_PORT && port != targetPort) {
            return false;
        }
        String targetPath = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return path.isEmpty() || targetPath.equals(path) || targetPath.startsWith(path + "/");
    }

    /** The entry as it would be written, normalised. */
    @Override
    public String toString() {
        String portPart = port == ANY_PORT ? ":*" : port == defaultPort(scheme) ? "" : ":" + port;
        return scheme + "://" + (wildcard ? "*." : "") + host + portPart + path;
    }
}
