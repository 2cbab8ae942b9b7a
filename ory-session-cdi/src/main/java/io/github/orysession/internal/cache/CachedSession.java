package io.github.orysession.internal.cache;

import java.time.Instant;

import io.github.orysession.internal.client.Grants;
import io.github.orysession.model.Session;

/**
 * A session Kratos vouched for, as the cache keeps it.
 *
 * @param session the session
 * @param verifiedAt when the whoami call that vouched for it was sent (before Kratos looked): a revocation
 *        recorded after this instant makes the entry unusable
 * @param expiresAt when the entry stops being served: the least of the TTL, Kratos's
 *        {@code Ory-Session-Cache-For}, the session's {@code expires_at} and a tokenized JWT's {@code exp}
 * @param generation the generation of the identity's {@link IdentityState} when the entry was written: the entry is
 *        served only while the store still holds that generation, so that a revocation record the store lost (size
 *        eviction, expiry) makes the entry a miss rather than letting a revoked session through
 * @param grants the session's roles and attributes, worked out when it was verified (the application's augmentor is
 *        called once per cache fill, not per hit)
 */
public record CachedSession(Session session, Instant verifiedAt, Instant expiresAt, String generation, Grants grants)
        implements StoreEntry {

    /** Normalises absent grants. */
    public CachedSession {
        grants = grants == null ? Grants.NONE : grants;
    }

    /**
     * Whether two entries come from the same cache fill: the same whoami call's instant, life and generation. Two such
     * entries are usable or not alike, so an instance that found one unusable may drop the other; an entry of another
     * fill (another instance's, written since) is not its to drop.
     *
     * @param other another entry
     * @return whether both were written by the same fill
     */
    public boolean sameFill(CachedSession other) {
        return verifiedAt.equals(other.verifiedAt) && expiresAt.equals(other.expiresAt)
                && generation.equals(other.generation);
    }

    /**
     * An entry without roles or attributes.
     *
     * @param session the session
     * @param verifiedAt when the whoami call that vouched for it was sent
     * @param expiresAt when the entry stops being served
     * @param generation the identity's generation when it was written
     */
    public CachedSession(Session session, Instant verifiedAt, Instant expiresAt, String generation) {
        this(session, verifiedAt, expiresAt, generation, Grants.NONE);
    }
}
