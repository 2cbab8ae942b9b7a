package io.github.orysession.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import io.github.orysession.KratosBadResponseException;
import io.github.orysession.model.Session;

/**
 * Parses Kratos's session JSON with JSON-B (the server's implementation). Unknown fields are ignored;
 * anything that is not a JSON object with a session id is a {@link KratosBadResponseException}.
 */
public final class SessionParser {

    private final Jsonb jsonb;

    /** Creates a parser with the platform's JSON-B implementation. */
    public SessionParser() {
        this(JsonbBuilder.create());
    }

    SessionParser(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /**
     * @param body the response body
     * @return the session
     * @throws KratosBadResponseException when the body is not a session
     */
    public Session parse(String body) {
        if (body == null || body.isBlank()) {
            throw new KratosBadResponseException("Kratos answered whoami with an empty body", null);
        }
        Session session;
        try {
            session = jsonb.fromJson(body, Session.class);
        } catch (JsonbException | ClassCastException | IllegalArgumentException e) {
            throw new KratosBadResponseException("Kratos answered whoami with a body that is not a session: "
                    + e.getClass().getSimpleName(), e);
        }
        if (session == null || session.id() == null) {
            throw new KratosBadResponseException("Kratos answered whoami with a body that has no session id", null);
        }
        return session;
    }
}
