package io.github.orysession.internal.client;

import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.github.orysession.KratosApiException;
import io.github.orysession.KratosBadResponseException;
import io.github.orysession.KratosRateLimitedException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.OrySessionException;
import io.github.orysession.RefusalReason;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.internal.config.AdminConfig;
import io.github.orysession.model.KratosError;

/**
 * The one mapping of Kratos's failures to the library's exceptions, for whoami and the session-management calls
 * alike. Fails closed: nothing here ever turns a Kratos failure into success, and only Kratos's own {@code 401} to a
 * caller acting with its own credentials becomes a {@code 401}.
 * <ul>
 * <li>no answer (unreachable, a timeout, a broken connection): {@link KratosUnavailableException}, {@code 503};</li>
 * <li>{@code 429}: {@link KratosRateLimitedException}, {@code 429} with Kratos's {@code Retry-After};</li>
 * <li>{@code 5xx}, a redirect, any status the call does not expect: {@link KratosBadResponseException}, {@code 502};</li>
 * <li>a {@code 4xx} to a session-management call: what the client asked for is refused, {@link KratosApiException}
 * with Kratos's status and error (the admin API refusing the library's own key is {@code 502} instead).</li>
 * </ul>
 * Messages and log lines name the operation, Kratos's URL and the failure's type or status, never a credential.
 */
public final class KratosFailures {

    private static final Logger LOG = Logger.getLogger(KratosFailures.class.getName());

    /** Who made the call, which decides what Kratos's {@code 4xx} answers mean. */
    public enum Caller {
        /** The library checking a session: every status but 200, 401, 403 and 429 is Kratos's fault. */
        WHOAMI,
        /** The request's user, with its own credentials: a {@code 401} means the credentials are no good. */
        USER,
        /** The library, on the admin API: a {@code 401}/{@code 403} means the API key is missing or wrong. */
        ADMIN
    }

    private KratosFailures() {
    }

    /**
     * The exception for Kratos not answering. Logged as a warning with the failure's type only.
     *
     * @param operation what was being done, such as {@code whoami}
     * @param target the Kratos base URL (never carries a credential)
     * @param e the failure
     * @return the exception to throw
     */
    public static KratosUnavailableException unavailable(String operation, URI target, Exception e) {
        LOG.log(Level.WARNING, "Kratos {0} at {1} failed: {2}", new Object[] {operation, target, describe(e)});
        return new KratosUnavailableException("Kratos could not be reached to " + operation + ": " + describe(e), e);
    }

    /**
     * The exception for an answer that is not the expected success.
     *
     * @param operation what was being done
     * @param target the Kratos base URL, for the log
     * @param status the status Kratos answered
     * @param body the answer's body, possibly empty
     * @param retryAfter Kratos's {@code Retry-After}, or {@code null}
     * @param caller who made the call
     * @return the exception to throw
     */
    public static OrySessionException failure(String operation, URI target, int status, String body, String retryAfter,
                                              Caller caller) {
        if (status == 429) {
            return new KratosRateLimitedException(retryAfter);
        }
        if (status < 400 || status >= 500 || caller == Caller.WHOAMI) {
            LOG.log(Level.WARNING, "Kratos {0} at {1} answered HTTP {2}", new Object[] {operation, target, status});
            return new KratosBadResponseException("Kratos answered " + operation + " with HTTP " + status, null);
        }
        KratosError error = KratosError.parse(body, status).orElse(null);
        if (status == 401 && caller == Caller.USER) {
            return new UnauthenticatedException(RefusalReason.INVALID_SESSION, "Kratos refused the Ory session to "
                    + operation + ": it is invalid, expired or revoked");
        }
        if ((status == 401 || status == 403) && caller == Caller.ADMIN) {
            LOG.log(Level.WARNING, "Kratos admin API at {0} refused to {1} with HTTP {2}: check {3}",
                    new Object[] {target, operation, status, AdminConfig.ADMIN_API_KEY});
            return new KratosApiException(502, "kratos_admin_unauthorized", "Kratos's admin API refused to " + operation
                    + " (HTTP " + status + "); check " + AdminConfig.ADMIN_API_KEY, status, error);
        }
        return new KratosApiException(status, reason(error, status), "Kratos refused to " + operation
                + explanation(error), status, error);
    }

    /** The type of the root cause: enough to tell a refused connection from a timeout, and never a credential. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static String reason(KratosError error, int status) {
        if (error != null && error.id() != null && !error.id().isBlank()) {
            return error.id();
        }
        return switch (status) {
            case 400 -> "bad_request";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            default -> "kratos_refused";
        };
    }

    private static String explanation(KratosError error) {
        if (error == null) {
            return "";
        }
        String text = error.reason() != null && !error.reason().isBlank() ? error.reason() : error.message();
        return text == null || text.isBlank() ? "" : ": " + text;
    }
}
