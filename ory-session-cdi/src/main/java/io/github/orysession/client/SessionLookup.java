package io.github.orysession.client;

import io.github.orysession.credentials.Credentials;

/**
 * Turns a request's credentials into Kratos's verdict. {@link KratosSessionClient} asks Kratos's whoami.
 */
public interface SessionLookup {

    /**
     * Asks who the credentials belong to.
     *
     * @param credentials the request's credentials, possibly {@link Credentials#none()}
     * @return the verdict: a usable session, or the reason there is none
     * @throws io.github.orysession.OrySessionException (not {@code UnauthenticatedException}) when Kratos
     *         could not give a verdict: unreachable, rate-limiting, or answering garbage
     */
    WhoamiResult whoami(Credentials credentials);
}
