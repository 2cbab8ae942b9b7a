package io.github.orysession.example.it;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every session token and cookie value the integration tests were given, for the log scan at the end. */
final class Secrets {

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    static String remember(String secret) {
        SEEN.add(secret);
        return secret;
    }

    static List<String> all() {
        return List.copyOf(SEEN);
    }
}
