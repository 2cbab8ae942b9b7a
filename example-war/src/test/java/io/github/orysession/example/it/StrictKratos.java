package io.github.orysession.example.it;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.github.orysession.test.kratos.RealKratos;

/**
 * A second real Kratos for one test class: the same binary, configuration and SQLite database file as
 * {@link RealKratos} (so the same users and sessions, the same cookie secret), but with
 * {@code session.whoami.required_aal: highest_available}, so that its whoami answers an aal1 session of a user who
 * has a second factor with {@code 403 session_aal2_required}. Ports {@code kratos.strict.public.port} and
 * {@code kratos.strict.admin.port}; log {@code target/server-logs/kratos-strict.log}.
 */
public final class StrictKratos implements BeforeAllCallback, AfterAllCallback {

    private static Process process;

    /** Its public API. */
    public static URI publicUrl() {
        return URI.create("http://127.0.0.1:" + System.getProperty("kratos.strict.public.port", "14436"));
    }

    /** Its admin API. */
    public static URI adminUrl() {
        return URI.create("http://127.0.0.1:" + System.getProperty("kratos.strict.admin.port", "14437"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        process = RealKratos.startSibling(publicUrl(), adminUrl(),
                Map.of("SESSION_WHOAMI_REQUIRED_AAL", "highest_available"), "kratos-strict.log");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }
}
