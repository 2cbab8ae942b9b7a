package io.github.orysession.internal.credentials;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of the cookies that carry an Ory session: exact names, or prefixes written with a trailing {@code *}.
 * <p>
 * The default, {@code ory_kratos_session,ory_session_*}, covers self-hosted Kratos and Ory Network.
 */
public final class CookieNames {

    private final List<String> exact = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();

    /**
     * @param patterns names, or prefixes ending in {@code *}
     */
    public CookieNames(List<String> patterns) {
        for (String pattern : patterns) {
            String p = pattern.trim();
            if (p.isEmpty() || "*".equals(p)) {
                throw new IllegalArgumentException("a session cookie name must not be empty or a bare '*'");
            }
            if (p.endsWith("*")) {
                prefixes.add(p.substring(0, p.length() - 1));
            } else {
                exact.add(p);
            }
        }
    }

    /**
     * @param name a cookie name
     * @return whether it is a session cookie
     */
    public boolean matches(String name) {
        if (exact.contains(name)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }
}
