package io.github.orysession.example.it;

import java.util.List;

import io.github.orysession.test.kratos.IssuedCredentials;

/**
 * Every session token, cookie value, logout token and key the integration tests used, for the log scan at the end
 * ({@code LogScanIT}): the testing kit's {@link IssuedCredentials}, which already holds every credential the kit
 * handed out, plus those the tests came by themselves.
 */
final class Secrets {

    private Secrets() {
    }

    static String remember(String secret) {
        return IssuedCredentials.remember(secret);
    }

    static List<String> all() {
        return IssuedCredentials.all();
    }
}
