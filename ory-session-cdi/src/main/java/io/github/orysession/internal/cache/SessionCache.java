package io.github.orysession.internal.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import io.github.orysession.internal.client.KratosSessionClient;
import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.config.CacheConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.metrics.SessionMetrics;
import io.github.orysession.internal.metrics.SessionMetrics.Event;

/**
 * The session cache in front of Kratos's whoami: the {@link SessionLookup} the library uses.
 * <ul>
 * <li>Keyed by the credential's SHA-256 fingerprint ({@link Credentials#fingerprint()}: only the session token or
 * session cookies, never other cookies), never by the raw value.</li>
 * <li>Only usable sessions are kept, each no longer than {@link EntryLifetime} allows; rejections, inactive
 * sessions and Kratos failures are never cached.</li>
 * <li>Concurrent requests with the same uncached credential share one whoami call (single flight), failures
 * included.</li>
 * <li>A logout through the library forgets its entry ({@link #evict(Credentials)}); a revocation or extension
 * through the library makes every entry of the identity verified before it unusable at once
 * ({@link #identityChanged(String)}), on every instance that shares the store.</li>
 * </ul>
 * With {@value CacheConfig#ENABLED}{@code =false} every lookup goes to Kratos.
 */
@ApplicationScoped
@Typed({SessionCache.class, SessionLookup.class})
public class SessionCache implements SessionLookup {

    /**
     * Entries verified up to this long after a revocation record are treated as verified before it, to absorb the
     * clock difference between the instances of a cluster. Costs a few extra whoami calls after a revocation.
     */
    public static final Duration CLOCK_ALLOWANCE = Duration.ofSeconds(2);

    private final SessionLookup kratos;
    private final SessionStore store;
    private final Duration ttl;
    private final SessionMetrics metrics;
    private final Clock clock;
    private final ConcurrentMap<String, CompletableFuture<WhoamiResult>> inFlight = new ConcurrentHashMap<>();

    /** For the CDI proxy only. */
    protected SessionCache() {
        this.kratos = null;
        this.store = null;
        this.ttl = null;
        this.metrics = null;
        this.clock = null;
    }

    /**
     * @param kratos asks Kratos
     * @param config the cache settings
     * @param metrics counts hits and misses
     */
    @Inject
    public SessionCache(KratosSessionClient kratos, CacheConfig config, SessionMetrics metrics) {
        this(kratos, config, SessionStores.create(config, Clock.systemUTC()), metrics, Clock.systemUTC());
    }

    /**
     * @param kratos asks Kratos
     * @param config the cache settings
     * @param store where entries live, {@code null} when the cache is off
     * @param metrics counts hits and misses
     * @param clock the time source
     */
    public SessionCache(SessionLookup kratos, CacheConfig config, SessionStore store, SessionMetrics metrics, Clock clock) {
        this.kratos = kratos;
        this.store = config.enabled() ? store : null;
        this.ttl = config.ttl();
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public WhoamiResult whoami(Credentials credentials) {
        if (store == null || !credentials.isPresent()) {
            return kratos.whoami(credentials);
        }
        String key = credentials.fingerprint();
        WhoamiResult cached = cached(key);
        if (cached != null) {
            metrics.record(Event.CACHE_HIT);
            return cached;
        }
        metrics.record(Event.CACHE_MISS);
        return singleFlight(key, credentials);
    }

    @Override
    public WhoamiResult revalidate(Credentials credentials) {
        if (store == null || !credentials.isPresent()) {
            return kratos.whoami(credentials);
        }
        return askAndKeep(credentials.fingerprint(), credentials);
    }

    /**
     * Forgets what is cached for these credentials (a logout of exactly this session).
     *
     * @param credentials the credentials whose entry goes
     */
    public void evict(Credentials credentials) {
        if (store != null && credentials.isPresent()) {
            store.remove(credentials.fingerprint());
        }
    }

    /**
     * Every session of this identity cached before now is no longer used; called after Kratos confirmed a
     * revocation (one session, all others, all of them) or an extension of one of its sessions.
     *
     * @param identityId the identity whose sessions changed
     */
    public void identityChanged(String identityId) {
        if (store != null && identityId != null) {
            store.markRevoked(identityId, clock.instant());
        }
    }

    private WhoamiResult cached(String key) {
        CachedSession entry = store.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.session() == null || entry.session().identity() == null || entry.session().identity().id() == null) {
            store.remove(key); // written by something else than this library, or damaged: a miss, never a failure
            return null;
        }
        Instant now = clock.instant();
        Instant revoked = store.revokedAt(entry.session().identity().id());
        boolean stale = !now.isBefore(entry.expiresAt()) || !entry.session().isUsableAt(now)
                || (revoked != null && !entry.verifiedAt().isAfter(revoked.plus(CLOCK_ALLOWANCE)));
        if (stale) {
            store.remove(key);
            return null;
        }
        return WhoamiResult.authenticated(entry.session(), List.of());
    }

    private WhoamiResult singleFlight(String key, Credentials credentials) {
        CompletableFuture<WhoamiResult> mine = new CompletableFuture<>();
        CompletableFuture<WhoamiResult> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            // A call that finished between our miss and now may have filled the entry.
            WhoamiResult cached = cached(key);
            WhoamiResult result = cached != null ? cached : askAndKeep(key, credentials);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private WhoamiResult askAndKeep(String key, Credentials credentials) {
        Instant sentAt = clock.instant();
        WhoamiResult result = kratos.whoami(credentials);
        Optional<Instant> until = EntryLifetime.of(result, sentAt, ttl);
        if (until.isPresent()) {
            store.put(key, new CachedSession(result.session(), sentAt, until.get()));
        } else {
            store.remove(key);
        }
        return result;
    }

    private static WhoamiResult await(CompletableFuture<WhoamiResult> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
