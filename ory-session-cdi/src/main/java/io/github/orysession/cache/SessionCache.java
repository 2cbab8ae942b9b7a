package io.github.orysession.cache;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.orysession.credentials.Credentials;

/**
 * What the rest of the library tells the session cache when sessions end through it: a logout forgets the
 * credentials' entry, a revocation makes every cached session of the identity unusable at once.
 * <p>
 * (Placeholder while the cache is built: both calls do nothing yet.)
 */
@ApplicationScoped
public class SessionCache {

    /**
     * Forgets what is cached for these credentials (a logout of exactly this session).
     *
     * @param credentials the credentials whose entry goes
     */
    public void evict(Credentials credentials) {
        // the cache is not built yet
    }

    /**
     * Every session of this identity cached before now is no longer used; call it after Kratos confirmed a
     * revocation (one session, all others, all of them) or an extension of one of its sessions.
     *
     * @param identityId the identity whose sessions changed
     */
    public void identityChanged(String identityId) {
        // the cache is not built yet
    }
}
