package io.github.orysession.internal.client;

import io.github.orysession.KratosBadResponseException;
import io.github.orysession.internal.json.Jsonp;
import io.github.orysession.internal.json.SessionReader;
import io.github.orysession.model.Session;

/**
 * Parses Kratos's whoami body ({@link SessionReader}). Unknown fields are ignored; anything that is not a JSON object
 * with a session id is a {@link KratosBadResponseException}.
 */
public final class SessionParser {

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
            session = SessionReader.session(Jsonp.read(body));
        } catch (IllegalArgumentException e) {
            throw new KratosBadResponseException("Kratos answered whoami with a body that is not a session: "
                    + e.getMessage(), e);
        }
        if (session.id() == null) {
            throw new KratosBadResponseException("Kratos answered whoami with a body that has no session id", null);
        }
        return session;
    }
}
