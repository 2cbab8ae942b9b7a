package io.github.orysession.test.kratos;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every session token and session cookie value the kit handed out in this JVM, and whatever else a test adds: for a
 * test that scans the application's logs at the end of the run, and fails when one of them appears there.
 *
 * <pre>{@code
 * for (String secret : IssuedCredentials.all()) {
 *     assertThat(serverLog).doesNotContain(secret);
 * }
 * }</pre>
 */
public final class IssuedCredentials {

    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    private IssuedCredentials() {
    }

    /**
     * @param secret a credential, such as a logout token or an API key the test used
     * @return the same value
     */
    public static String remember(String secret) {
        if (secret != null && !secret.isEmpty()) {
            ISSUED.add(secret);
        }
        return secret;
    }

    /** @return every credential remembered so far */
    public static List<String> all() {
        return List.copyOf(ISSUED);
    }
}
