package io.github.orysession.internal.manage;

import java.net.URI;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import io.github.orysession.KratosApiException;
import io.github.orysession.KratosBadResponseException;
import io.github.orysession.KratosRateLimitedException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.OrySessionException;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.internal.config.AdminConfig;
import io.github.orysession.model.KratosError;
import io.github.orysession.internal.json.Jsonp;
import io.github.orysession.model.Session;
import io.github.orysession.internal.json.SessionReader;

import io.github.orysession.RefusalReason;

/**
 * Reads Kratos's answers to the session-management calls, and turns every failure into the exception that tells the
 * application's client the truth. Fails closed: nothing here ever turns a Kratos failure into success or into
 * {@code 401}, except Kratos's own {@code 401} to a caller acting with its own credentials.
 */
final class KratosReplies {

    private static final Logger LOG = Logger.getLogger(KratosReplies.class.getName());

    /** Who made the call, which decides what Kratos's {@code 401} and {@code 403} mean. */
    enum Caller {
        /** The request's user, with its own credentials: a {@code 401} means the credentials are no good. */
        USER,
        /** The library, on the admin API: a {@code 401}/{@code 403} means the API key is missing or wrong. */
        ADMIN
    }

    /** Sends one call to Kratos through a REST client. */
    interface Call {
        /** @return Kratos's answer */
        Response send();
    }

    private KratosReplies() {
    }

    /**
     * Sends a call through a REST client and reads the answer, turning "no answer" into
     * {@link KratosUnavailableException}.
     *
     * @param operation what is being done, for messages and the log
     * @param target the Kratos base URL (for the log; never carries a credential)
     * @param call the call
     * @return Kratos's answer, read completely
     */
    static KratosAnswer send(String operation, URI target, Call call) {
        try {
            return KratosAnswer.of(call.send());
        } catch (ProcessingException e) {
            throw unavailable(operation, target, e);
        }
    }

    /**
     * The exception for Kratos not answering: unreachable, a timeout, a broken connection. Logged as a warning with
     * the failure's type only.
     *
     * @param operation what was being done
     * @param target the Kratos base URL
     * @param e the failure
     * @return the exception to throw
     */
    static KratosUnavailableException unavailable(String operation, URI target, Exception e) {
        LOG.log(Level.WARNING, "Kratos {0} at {1} failed: {2}", new Object[] {operation, target, describe(e)});
        return new KratosUnavailableException("Kratos could not be reached to " + operation + ": " + describe(e), e);
    }

    /**
     * The exception for an answer that is not the expected success.
     *
     * @param operation what was being done
     * @param target the Kratos base URL, for the log
     * @param answer Kratos's answer
     * @param caller who made the call
     * @return the exception to throw
     */
    static OrySessionException failure(String operation, URI target, KratosAnswer answer, Caller caller) {
        int status = answer.status();
        if (status == 429) {
            return new KratosRateLimitedException(answer.retryAfter());
        }
        KratosError error = KratosError.parse(answer.body(), status).orElse(null);
        if (status >= 500) {
            LOG.log(Level.WARNING, "Kratos {0} at {1} answered HTTP {2}", new Object[] {operation, target, status});
            return new KratosApiException(502, "kratos_bad_response",
                    "Kratos failed to " + operation + " (HTTP " + status + ")", status, error);
        }
        if (status == 401 && caller == Caller.USER) {
            return new UnauthenticatedException(RefusalReason.INVALID_SESSION, "Kratos refused the Ory session to " + operation
                    + ": it is invalid, expired or revoked");
        }
        if ((status == 401 || status == 403) && caller == Caller.ADMIN) {
            LOG.log(Level.WARNING, "Kratos admin API at {0} refused to {1} with HTTP {2}: check {3}",
                    new Object[] {target, operation, status, AdminConfig.ADMIN_API_KEY});
            return new KratosApiException(502, "kratos_admin_unauthorized", "Kratos's admin API refused to " + operation
                    + " (HTTP " + status + "); check " + AdminConfig.ADMIN_API_KEY, status, error);
        }
        if (status >= 400) {
            return new KratosApiException(status, reason(error, status), "Kratos refused to " + operation
                    + explanation(error), status, error);
        }
        LOG.log(Level.WARNING, "Kratos {0} at {1} answered HTTP {2}", new Object[] {operation, target, status});
        return new KratosBadResponseException("Kratos answered " + operation + " with HTTP " + status, null);
    }

    /**
     * @param operation what was being done
     * @param body the answer's body
     * @return the sessions
     * @throws KratosBadResponseException when the body is not a JSON array of sessions
     */
    static List<Session> sessions(String operation, String body) {
        List<Session> sessions;
        try {
            sessions = body == null || body.isBlank() ? null : SessionReader.sessions(Jsonp.read(body));
        } catch (IllegalArgumentException e) {
            throw garbage(operation, "not a list of sessions: " + e.getMessage(), e);
        }
        if (sessions == null || sessions.stream().anyMatch(s -> s.id() == null)) {
            throw garbage(operation, "not a list of sessions", null);
        }
        return List.copyOf(sessions);
    }

    /**
     * @param operation what was being done
     * @param body the answer's body
     * @return the session, with its identity
     * @throws KratosBadResponseException when the body is not a session with an identity
     */
    static Session session(String operation, String body) {
        Session session;
        try {
            session = body == null || body.isBlank() ? null : SessionReader.session(Jsonp.read(body));
        } catch (IllegalArgumentException e) {
            throw garbage(operation, "not a session: " + e.getMessage(), e);
        }
        if (session == null || session.id() == null || session.identity() == null || session.identity().id() == null) {
            throw garbage(operation, "not a session with an identity", null);
        }
        return session;
    }

    /**
     * @param operation what was being done
     * @param body the answer's body
     * @return the body as a JSON object
     * @throws KratosBadResponseException when it is not one
     */
    static JsonObject object(String operation, String body) {
        try {
            if (Jsonp.read(body == null ? "" : body) instanceof JsonObject object) {
                return object;
            }
        } catch (IllegalArgumentException e) {
            throw garbage(operation, "not a JSON object: " + e.getMessage(), e);
        }
        throw garbage(operation, "not a JSON object", null);
    }

    /**
     * @param operation what was being done
     * @param object the answer
     * @param name a member that must be a whole number
     * @return its value
     */
    static int number(String operation, JsonObject object, String name) {
        if (object.get(name) instanceof JsonNumber n && n.isIntegral()) {
            return n.intValueExact();
        }
        throw garbage(operation, "no whole number \"" + name + "\"", null);
    }

    /**
     * @param operation what was being done
     * @param object the answer
     * @param name a member that must be a non-empty string
     * @return its value
     */
    static String string(String operation, JsonObject object, String name) {
        if (object.get(name) instanceof JsonString s && !s.getString().isEmpty()) {
            return s.getString();
        }
        throw garbage(operation, "no \"" + name + "\"", null);
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

    private static KratosBadResponseException garbage(String operation, String what, Throwable cause) {
        LOG.log(Level.WARNING, "Kratos answered {0} with a body that is {1}", new Object[] {operation, what});
        return new KratosBadResponseException("Kratos answered " + operation + " with a body that is " + what, cause);
    }

    /** The type of the root cause: enough to tell a refused connection from a timeout, and never a credential. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
