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

import io.github.orysession.internal.client.AugmentingLookup;
import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.config.CacheConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.metrics.SessionMetrics;
import io.github.orysession.internal.metrics.SessionMetrics.Event;
import io.github.orysession.model.Session;

/**
 * The session cache in front of Kratos's whoami: the {@link SessionLookup} the library uses.
 * <ul>
 * <li>Keyed by a SHA-256 fingerprint of the credential ({@link Credentials#fingerprint(String)}: only the session token
 * or session cookies, never other cookies), bound to the Kratos URL and tokenizer template ({@link CacheConfig#scope()}),
 * never by the raw value.</li>
 * <li>Only usable sessions are kept, each no longer than {@link EntryLifetime} allows; inactive sessions,
 * {@code session_aal2_required} and Kratos failures are never cached. Kratos's plain {@code 401} is remembered in this
 * JVM for {@value CacheConfig#REJECTION_TTL} ({@link Rejections}), so that repeating a junk token costs one whoami
 * call per that time.</li>
 * <li>Concurrent requests with the same uncached credential share one whoami call (single flight), failures
 * included.</li>
 * <li>A revocation or extension through the library makes every entry of the identity verified before it unusable
 * at once ({@link #identityChanged(String)}), on every instance that shares the store, and survives the store losing
 * its record ({@link IdentityState}). A logout through the library keeps its credential out of the cache for the TTL
 * ({@link #logoutStarted(Credentials)}, {@link #loggedOut(Credentials)}).</li>
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
    private final String scope;
    private final Rejections rejections;
    private final SessionMetrics metrics;
    private final Clock clock;
    private final ConcurrentMap<String, CompletableFuture<WhoamiResult>> inFlight = new ConcurrentHashMap<>();

    /** For the CDI proxy only. */
    protected SessionCache() {
        this.kratos = null;
        this.store = null;
        this.ttl = null;
        this.scope = null;
        this.rejections = null;
        this.metrics = null;
        this.clock = null;
    }

    /**
     * @param kratos asks Kratos, and works out the session's grants (the application's augmentor included)
     * @param config the cache settings
     * @param metrics counts hits and misses
     */
    @Inject
    public SessionCache(AugmentingLookup kratos, CacheConfig config, SessionMetrics metrics) {
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
        this.scope = config.scope();
        this.rejections = new Rejections(config.rejectionTtl(), config.rejectionMaxEntries(), clock);
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public WhoamiResult whoami(Credentials credentials) {
        if (store == null || !credentials.isPresent()) {
            return kratos.whoami(credentials);
        }
        String key = credentials.fingerprint(scope);
        if (rejections.contains(key)) {
            metrics.record(Event.REJECTION_HIT);
            return WhoamiResult.unknown();
        }
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
        return askAndKeep(credentials.fingerprint(scope), credentials);
    }

    /**
     * The browser was handed a logout URL for these credentials: the session ends when the browser follows it, at
     * Kratos, where the application does not see it. Until then, and for at most the TTL, the credentials are neither
     * served from the cache nor cached again, on every instance sharing the store: each request asks Kratos, and the
     * first one after the logout is refused.
     *
     * @param credentials the credentials being logged out
     */
    public void logoutStarted(Credentials credentials) {
        if (store != null && credentials.isPresent()) {
            store.put(credentials.fingerprint(scope), new LogoutMark(clock.instant().plus(ttl)));
        }
    }

    /**
     * Kratos confirmed that these credentials' session ended (the token logout): they are remembered in this JVM as
     * Kratos's {@code 401} is, and kept out of the shared cache as {@link #logoutStarted(Credentials)} does.
     *
     * @param credentials the credentials logged out
     */
    public void loggedOut(Credentials credentials) {
        if (store != null && credentials.isPresent()) {
            logoutStarted(credentials);
            rejections.add(credentials.fingerprint(scope));
        }
    }

    /**
     * Every session of this identity cached before now is no longer used; called after Kratos confirmed a
     * revocation (one session, all others, all of them) or an extension of one of its sessions. The remembered
     * {@code 401}s of this JVM are forgotten too, since an extension can bring an expired session back.
     *
     * @param identityId the identity whose sessions changed
     */
    public void identityChanged(String identityId) {
        if (store != null && identityId != null) {
            store.markRevoked(identityId, clock.instant());
            rejections.clear();
        }
    }

    private WhoamiResult cached(String key) {
        if (!(store.get(key) instanceof CachedSession entry)) {
            return null; // nothing, or a logout in progress
        }
        String identityId = identityId(entry.session());
        if (identityId == null) {
            store.removeStale(key, entry); // written by something else than this library, or damaged: a miss, never a failure
            return null;
        }
        Instant now = clock.instant();
        IdentityState identity = store.identity(identityId);
        boolean stale = identity == null || !identity.generation().equals(entry.generation())
                || !now.isBefore(entry.expiresAt()) || !entry.session().isUsableAt(now)
                || (identity.revokedAt() != null && !entry.verifiedAt().isAfter(identity.revokedAt().plus(CLOCK_ALLOWANCE)));
        if (stale) {
            // Only this entry: in a cluster, what this instance judged may be its near copy of an entry another
            // instance has already refilled, and the refill must stay (else each instance asks Kratos in turn).
            store.removeStale(key, entry);
            return null;
        }
        return WhoamiResult.authenticated(entry.session(), List.of()).withGrants(entry.grants());
    }

    private static String identityId(Session session) {
        return session == null || session.identity() == null ? null : session.identity().id();
    }

    private WhoamiResult singleFlight(String key, Credentials credentials) {
        CompletableFuture<WhoamiResult> mine = new CompletableFuture<>();
        CompletableFuture<WhoamiResult> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            // A call that finished between our miss and now may have filled the entry, or remembered a 401.
            WhoamiResult cached = rejections.contains(key) ? WhoamiResult.unknown() : cached(key);
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
        if (result.unknownToKratos()) {
            rejections.add(key);
        }
        Optional<Instant> until = EntryLifetime.of(result, sentAt, ttl);
        String identityId = identityId(result.session());
        if (until.isPresent() && identityId != null) {
            IdentityState identity = store.identityForWriting(identityId);
            store.put(key, new CachedSession(result.session(), sentAt, until.get(), identity.generation(),
                    result.grants()));
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
