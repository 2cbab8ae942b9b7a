package io.github.orysession.internal.propagation;

import java.util.Optional;

import io.github.orysession.OrySessionException;
import io.github.orysession.model.Session;

/**
 * The request the current thread is handling, as identity propagation sees it: {@link CdiCurrentRequest} in an
 * application, a stand-in in the tests.
 */
interface CurrentRequest {

    /** Whether this thread is handling a request (its CDI request context is active). */
    boolean isActive();

    /**
     * The request's session, resolved at most once per request (shared with the filter, interceptor and beans).
     *
     * @return the session
     * @throws OrySessionException {@code UnauthenticatedException} or {@code AssuranceLevelRequiredException} when
     *         there is none, a Kratos failure when Kratos could not say
     */
    Session session();

    /**
     * Asks Kratos again, bypassing the cache, for a fresh session (and a fresh JWT); at most once per request.
     *
     * @return the session now
     * @throws OrySessionException as {@link #session()}
     */
    Session renewedSession();

    /** The session token the request offered, when it offered one rather than session cookies. */
    Optional<String> sessionToken();
}
