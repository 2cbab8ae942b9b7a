package io.github.orysession.internal.cache;

import java.time.Instant;
import java.util.UUID;

/**
 * What the cache knows about one identity: the generation its entries must carry to be served, and the last
 * revocation (or extension) of one of its sessions through the library.
 * <p>
 * Every revocation starts a new generation, and an identity the store has no state for has no entry that can be
 * served: the entries carry the generation they were written under. So a store that loses a state (a bounded
 * provider evicting it under size pressure, without telling anyone) loses nothing but cached entries, which are asked
 * again; it can never forget a revocation while keeping a session it concerned. This does not depend on the
 * provider reporting its evictions: Hazelcast's JCache, for one, sends no event when it evicts for size.
 *
 * @param generation a random value, new at each revocation
 * @param revokedAt the last revocation through the library, or {@code null}: entries verified before it (plus the
 *        clock allowance) are not served even when they carry the current generation, because a whoami call in flight
 *        during the revocation may have written one
 */
public record IdentityState(String generation, Instant revokedAt) {

    /** A state for an identity the store knew nothing about: no revocation known. */
    static IdentityState fresh() {
        return new IdentityState(UUID.randomUUID().toString(), null);
    }

    /**
     * @param at when a revocation was confirmed
     * @return a new generation, with the later of the known revocation and {@code at}
     */
    IdentityState revokedAt(Instant at) {
        Instant latest = revokedAt != null && revokedAt.isAfter(at) ? revokedAt : at;
        return new IdentityState(UUID.randomUUID().toString(), latest);
    }
}
