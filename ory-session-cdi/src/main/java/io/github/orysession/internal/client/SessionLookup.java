package io.github.orysession.internal.client;

import io.github.orysession.internal.credentials.Credentials;

/**
 * Turns a request's credentials into Kratos's verdict. {@link KratosSessionClient} asks Kratos's whoami; the
 * session cache ({@code io.github.orysession.cache}) sits in front of it.
 */
public interface SessionLookup {

    /**
     * Asks who the credentials belong to, possibly answered from a cache.
     *
     * @param credentials the request's credentials, possibly {@link Credentials#none()}
     * @return the verdict: a usable session, or the reason there is none
     * @throws io.github.orysession.OrySessionException (not {@code UnauthenticatedException}) when Kratos
     *         could not give a verdict: unreachable, rate-limiting, or answering garbage
     */
    WhoamiResult whoami(Credentials credentials);

    /**
     * Asks Kratos itself, never a cache, and replaces what a cache held for these credentials. Used when a cached
     * session does not meet a requirement (a higher assurance level, a recent authentication) that the same
     * credentials may meet by now: a session token keeps its value when the user steps up to AAL2.
     *
     * @param credentials the request's credentials
     * @return Kratos's verdict now
     * @throws io.github.orysession.OrySessionException as {@link #whoami(Credentials)}
     */
    default WhoamiResult revalidate(Credentials credentials) {
        return whoami(credentials);
    }
}
