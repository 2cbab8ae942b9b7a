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

import io.github.orysession.KratosBadResponseException;
import io.github.orysession.internal.client.KratosFailures;
import io.github.orysession.internal.json.Jsonp;
import io.github.orysession.internal.json.SessionReader;
import io.github.orysession.model.Session;


/**
 * Sends the session-management calls and reads Kratos's answers to them; failures are mapped by
 * {@link KratosFailures}, the same as whoami's. Fails closed: a body that is not what the call returns is
 * {@link KratosBadResponseException}, never an empty success.
 */
final class KratosReplies {

    private static final Logger LOG = Logger.getLogger(KratosReplies.class.getName());

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
            throw KratosFailures.unavailable(operation, target, e);
        }
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

    private static KratosBadResponseException garbage(String operation, String what, Throwable cause) {
        LOG.log(Level.WARNING, "Kratos answered {0} with a body that is {1}", new Object[] {operation, what});
        return new KratosBadResponseException("Kratos answered " + operation + " with a body that is " + what, cause);
    }
}
