package io.github.orysession.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.KratosUnavailableException;
import io.github.orysession.RefusalReason;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.config.CacheConfig;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.metrics.SessionMetrics;
import io.github.orysession.internal.metrics.SessionMetrics.Event;
import io.github.orysession.model.Session;

class SessionCacheTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock();
    private final FakeKratos kratos = new FakeKratos(clock);
    private final SessionMetrics metrics = new SessionMetrics();
    private final Set<String> keysStored = ConcurrentHashMap.newKeySet();
    /** As many threads as the largest burst, so that every request of a burst runs at once. */
    private final ExecutorService pool = Executors.newFixedThreadPool(50);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private SessionCache cache(CacheConfig config) {
        LocalSessionStore local = new LocalSessionStore(config.maxEntries(), config.ttl(), clock);
        SessionStore recording = new RecordingStore(local, keysStored);
        return new SessionCache(kratos, config, recording, metrics, clock);
    }

    private SessionCache cache() {
        return cache(CacheConfigs.local(TTL, 10_000));
    }

    private static Credentials token(String token) {
        return Credentials.ofToken(token);
    }

    @Test
    void aSecondLookupIsServedFromTheCache() {
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache cache = cache();

        WhoamiResult first = cache.whoami(token("tok-a"));
        WhoamiResult second = cache.whoami(token("tok-a"));

        assertThat(kratos.calls.get()).as("whoami calls for two lookups").isEqualTo(1);
        assertThat(second.session().identity().id()).isEqualTo("alice");
        assertThat(second.session()).isEqualTo(first.session());
        assertThat(metrics.count(Event.CACHE_HIT)).isEqualTo(1);
        assertThat(metrics.count(Event.CACHE_MISS)).isEqualTo(1);
    }

    @Test
    void entriesAreKeyedByAHashOfTheCredentialNeverTheValue() {
        kratos.add("ory_st_secretTokenValue", "alice", Duration.ofHours(1));
        SessionCache cache = cache();

        cache.whoami(token("ory_st_secretTokenValue"));
        cache.whoami(Credentials.ofCookies("ory_kratos_session=secretCookieValue"));

        assertThat(keysStored).as("one key, the session's (the cookie was rejected, so not kept)").hasSize(1);
        assertThat(keysStored).allSatisfy(key -> {
            assertThat(key).as("a SHA-256 hex digest").matches("[0-9a-f]{64}");
            assertThat(key).doesNotContain("secret");
        });
        assertThat(keysStored).containsExactly(token("ory_st_secretTokenValue").fingerprint(CacheConfigs.SCOPE));
    }

    @Test
    void applicationsSharingAStoreButNotAKratosOrTemplateNeverServeEachOthersVerdicts() {
        kratos.add("tok-shared", "alice-of-project-a", Duration.ofHours(1));
        FakeKratos projectB = new FakeKratos(clock);
        SessionStore shared = new LocalSessionStore(10_000, TTL, clock);
        SessionCache appA = new SessionCache(kratos, scoped("https://a.projects.oryapis.com", null), shared, metrics, clock);
        SessionCache appB = new SessionCache(projectB, scoped("https://b.projects.oryapis.com", null), shared, metrics, clock);
        SessionCache appAJwt = new SessionCache(projectB, scoped("https://a.projects.oryapis.com", "jwt"), shared, metrics, clock);

        assertThat(appA.whoami(token("tok-shared")).session()).as("project A knows the token").isNotNull();

        assertThat(appB.whoami(token("tok-shared")).session()).as("an application trusting project B").isNull();
        assertThat(appAJwt.whoami(token("tok-shared")).session()).as("project A with another tokenizer template").isNull();
        assertThat(projectB.calls.get()).as("both asked their own Kratos").isEqualTo(2);
    }

    private static CacheConfig scoped(String kratosUrl, String template) {
        OryConfig ory = new OryConfig(URI.create(kratosUrl), null, null, null, 0, 0, null, template);
        CacheConfig local = CacheConfigs.local(TTL, 10_000);
        return new CacheConfig(true, TTL, 10_000, CacheConfig.Backend.LOCAL, "x", local.rejectionTtl(),
                local.rejectionMaxEntries(), CacheConfig.scope(ory), local.jcacheNear());
    }

    @Test
    void anEntryExpiresAtTheTtl() {
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache cache = cache();
        cache.whoami(token("tok-a"));

        clock.advance(TTL.minusSeconds(1));
        cache.whoami(token("tok-a"));
        assertThat(kratos.calls.get()).as("still cached just before the TTL").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        cache.whoami(token("tok-a"));
        assertThat(kratos.calls.get()).as("asked again at the TTL").isEqualTo(2);
    }

    @Test
    void anEntryExpiresAtTheSessionsExpiresAtWhenThatComesFirst() {
        kratos.add("tok-a", "alice", Duration.ofSeconds(10));
        SessionCache cache = cache();
        cache.whoami(token("tok-a"));

        clock.advance(Duration.ofSeconds(9));
        cache.whoami(token("tok-a"));
        assertThat(kratos.calls.get()).as("cached before expires_at").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        WhoamiResult atExpiry = cache.whoami(token("tok-a"));
        assertThat(kratos.calls.get()).as("never served at or after expires_at").isEqualTo(2);
        assertThat(atExpiry.session()).as("Kratos (the fake) still vouches, so the fresh answer is used").isNotNull();
    }

    @Test
    void oryCacheForShortensTheLifetime() {
        Session session = kratos.add("tok-a", "alice", Duration.ofHours(1));
        kratos.answer("tok-a", WhoamiResult.authenticated(session, List.of()).withCacheFor(Duration.ofSeconds(5)));
        SessionCache cache = cache();
        cache.whoami(token("tok-a"));

        clock.advance(Duration.ofSeconds(4));
        cache.whoami(token("tok-a"));
        assertThat(kratos.calls.get()).as("within Ory-Session-Cache-For").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        cache.whoami(token("tok-a"));
        assertThat(kratos.calls.get()).as("Ory-Session-Cache-For: 5 honoured over a 30 s TTL").isEqualTo(2);
    }

    @Test
    void oryCacheForZeroMeansNotCached() {
        Session session = kratos.add("tok-a", "alice", Duration.ofHours(1));
        kratos.answer("tok-a", WhoamiResult.authenticated(session, List.of()).withCacheFor(Duration.ZERO));
        SessionCache cache = cache();

        cache.whoami(token("tok-a"));
        cache.whoami(token("tok-a"));

        assertThat(kratos.calls.get()).isEqualTo(2);
    }

    @Test
    void aTokenizedJwtBoundsTheLifetimeByItsExp() {
        long exp = clock.instant().plusSeconds(7).getEpochSecond();
        String jwt = "eyJhbGciOiJFUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"sub\":\"alice\",\"exp\":" + exp + "}").getBytes()) + ".c2ln";
        Session session = FakeKratos.session("s-a", "alice", clock.instant().plusSeconds(3600), jwt);
        kratos.answer("tok-a", WhoamiResult.authenticated(session, List.of()));
        SessionCache cache = cache();
        cache.whoami(token("tok-a"));

        clock.advance(Duration.ofSeconds(6));
        assertThat(cache.whoami(token("tok-a")).session().tokenizedJwt()).contains(jwt);
        assertThat(kratos.calls.get()).as("the JWT is still valid").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        cache.whoami(token("tok-a"));
        assertThat(kratos.calls.get()).as("never hands out an expired tokenized JWT").isEqualTo(2);
    }

    @Test
    void inactiveSessionsAndOtherRefusalsAreNeverRemembered() {
        kratos.answer("tok-inactive", WhoamiResult.rejected(RefusalReason.INACTIVE_SESSION));
        kratos.answer("tok-aal2", WhoamiResult.rejected(RefusalReason.SESSION_AAL2_REQUIRED));
        kratos.answer("tok-403", WhoamiResult.rejected(RefusalReason.INVALID_SESSION));
        SessionCache cache = cache();

        for (String token : new String[] {"tok-inactive", "tok-aal2", "tok-403"}) {
            cache.whoami(token(token));
            cache.whoami(token(token));
        }

        assertThat(kratos.calls.get()).as("every such refusal asks Kratos again").isEqualTo(6);
        assertThat(keysStored).as("nothing was stored").isEmpty();
    }

    @Test
    void aThousandRequestsWithOneJunkTokenCauseOneWhoamiCall() throws Exception {
        SessionCache cache = cache();

        List<Future<WhoamiResult>> results = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            results.add(pool.submit(() -> cache.whoami(token("ory_st_junkjunkjunkjunkjunkjunkjunk0"))));
        }
        for (Future<WhoamiResult> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS).rejection()).isEqualTo(RefusalReason.INVALID_SESSION);
        }

        assertThat(kratos.calls.get()).as("whoami calls for 1,000 concurrent requests with one junk token").isEqualTo(1);
        assertThat(metrics.count(Event.REJECTION_HIT) + metrics.count(Event.CACHE_MISS))
                .as("every request counted as a remembered rejection or a miss").isEqualTo(1_000);
        long remembered = metrics.count(Event.REJECTION_HIT);
        cache.whoami(token("ory_st_junkjunkjunkjunkjunkjunkjunk0"));
        assertThat(metrics.count(Event.REJECTION_HIT)).as("one more refused from memory").isEqualTo(remembered + 1);
        assertThat(keysStored).as("a rejection is never stored with the sessions").isEmpty();
    }

    @Test
    void aRemembered401IsAskedAgainOnceItsTimeIsOver() {
        SessionCache cache = cache();
        cache.whoami(token("junk"));

        clock.advance(CacheConfigs.REJECTION_TTL.minusMillis(1));
        cache.whoami(token("junk"));
        assertThat(kratos.calls.get()).as("still remembered").isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        cache.whoami(token("junk"));
        assertThat(kratos.calls.get()).as("asked again once ory.session.cache.rejection-ttl-ms is over").isEqualTo(2);
    }

    @Test
    void aCredentialKratosComesToKnowIsAcceptedOnceTheRejectionIsOver() {
        SessionCache cache = cache();
        assertThat(cache.whoami(token("tok-late")).session()).isNull();
        kratos.add("tok-late", "alice", Duration.ofHours(1));

        assertThat(cache.whoami(token("tok-late")).session()).as("within the rejection's time").isNull();
        clock.advance(CacheConfigs.REJECTION_TTL);
        assertThat(cache.whoami(token("tok-late")).session()).as("after it").isNotNull();
    }

    @Test
    void anExtensionThroughTheLibraryForgetsRememberedRejections() {
        SessionCache cache = cache();
        cache.whoami(token("tok-expired"));
        kratos.add("tok-expired", "alice", Duration.ofHours(1)); // an admin extended the expired session

        cache.identityChanged("alice");

        assertThat(cache.whoami(token("tok-expired")).session()).as("asked again at once").isNotNull();
        assertThat(kratos.calls.get()).isEqualTo(2);
    }

    @Test
    void aZeroRejectionTtlRemembersNothing() {
        SessionCache cache = cache(CacheConfigs.withRejectionTtl(CacheConfigs.local(TTL, 10_000), Duration.ZERO));

        cache.whoami(token("junk"));
        cache.whoami(token("junk"));

        assertThat(kratos.calls.get()).isEqualTo(2);
    }

    @Test
    void rememberedRejectionsAreBoundedUnderAFloodOfDistinctJunk() {
        Rejections rejections = new Rejections(Duration.ofSeconds(5), 100, clock);

        for (int i = 0; i < 5_000; i++) {
            rejections.add("junk-" + i);
        }

        assertThat(rejections.size()).as("rejections held after 5,000 distinct junk tokens with a bound of 100")
                .isLessThanOrEqualTo(100);
    }

    @Test
    void anInactiveSessionKratosReturnedIsNotCached() {
        Session inactive = new Session("s-x", false, clock.instant().plusSeconds(3600), null, null, "aal1", null, null,
                FakeKratos.session("s-x", "x", Instant.MAX, null).identity(), null);
        kratos.answer("tok-x", WhoamiResult.authenticated(inactive, List.of()));
        SessionCache cache = cache();

        cache.whoami(token("tok-x"));
        cache.whoami(token("tok-x"));

        assertThat(kratos.calls.get()).isEqualTo(2);
    }

    @Test
    void kratosFailuresAreNotCached() {
        kratos.override = credentials -> {
            throw new KratosUnavailableException("down", null);
        };
        SessionCache cache = cache();

        assertThatThrownBy(() -> cache.whoami(token("tok-a"))).isInstanceOf(KratosUnavailableException.class);
        kratos.override = null;
        kratos.add("tok-a", "alice", Duration.ofHours(1));

        assertThat(cache.whoami(token("tok-a")).session()).as("Kratos back: the next lookup asks again").isNotNull();
        assertThat(kratos.calls.get()).isEqualTo(2);
    }

    @Test
    void theCacheIsBoundedUnderAFloodOfDistinctSessions() {
        kratos.override = credentials -> WhoamiResult.authenticated(FakeKratos.session(
                "s-" + credentials.fingerprint(), "i-" + credentials.fingerprint(), clock.instant().plusSeconds(3600), null), List.of());
        LocalSessionStore local = new LocalSessionStore(100, TTL, clock);
        SessionCache bounded = new SessionCache(kratos, CacheConfigs.local(TTL, 100),
                local, metrics, clock);

        for (int i = 0; i < 5_000; i++) {
            bounded.whoami(token("flood-" + i));
        }

        assertThat(local.size()).as("entries held after 5,000 distinct sessions with max-entries 100").isLessThanOrEqualTo(100);
    }

    @Test
    void concurrentFirstRequestsWithOneCredentialCauseOneWhoamiCall() throws Exception {
        int requests = 50;
        CountDownLatch started = new CountDownLatch(requests);
        Session session = FakeKratos.session("s-a", "alice", clock.instant().plusSeconds(3600), null);
        kratos.override = credentials -> {
            await(started);
            sleep(200); // let every request reach the cache while this call is in flight
            return WhoamiResult.authenticated(session, List.of());
        };
        SessionCache cache = cache();

        List<Future<WhoamiResult>> results = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            results.add(pool.submit(() -> {
                started.countDown();
                return cache.whoami(token("fresh-token"));
            }));
        }
        for (Future<WhoamiResult> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS).session().identity().id()).isEqualTo("alice");
        }

        assertThat(kratos.calls.get()).as("whoami calls for %s concurrent first requests", requests).isEqualTo(1);
    }

    @Test
    void concurrentRequestsShareAFailureToo() throws Exception {
        int requests = 20;
        CountDownLatch started = new CountDownLatch(requests);
        kratos.override = credentials -> {
            await(started);
            sleep(200);
            throw new KratosUnavailableException("down", null);
        };
        SessionCache cache = cache();

        List<Future<WhoamiResult>> results = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            results.add(pool.submit(() -> {
                started.countDown();
                return cache.whoami(token("fresh-token"));
            }));
        }
        for (Future<WhoamiResult> result : results) {
            assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(KratosUnavailableException.class);
        }
        assertThat(kratos.calls.get()).as("one call to a failing Kratos for the whole burst").isEqualTo(1);
    }

    @Test
    void manyCredentialsInFlightNeverGetEachOthersSession() throws Exception {
        int users = 200;
        for (int i = 0; i < users; i++) {
            kratos.add("tok-" + i, "user-" + i, Duration.ofHours(1));
        }
        SessionLookupWithJitter jittery = new SessionLookupWithJitter(kratos);
        SessionCache cache = new SessionCache(jittery, CacheConfigs.local(TTL, 10_000),
                new LocalSessionStore(10_000, TTL, clock), metrics, clock);

        List<Future<Boolean>> checks = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            int user = ThreadLocalRandom.current().nextInt(users);
            checks.add(pool.submit(() -> cache.whoami(token("tok-" + user)).session().identity().id().equals("user-" + user)));
        }
        for (Future<Boolean> check : checks) {
            assertThat(check.get(30, TimeUnit.SECONDS)).as("each answer carries its own credential's identity").isTrue();
        }
        assertThat(kratos.calls.get()).as("at most one call per user").isLessThanOrEqualTo(users);
    }

    @Test
    void aRevocationThroughTheLibraryMakesTheIdentitysEntriesUnusableAtOnce() {
        kratos.add("tok-a1", "alice", Duration.ofHours(1));
        kratos.add("tok-a2", "alice", Duration.ofHours(1));
        kratos.add("tok-b", "bob", Duration.ofHours(1));
        SessionCache cache = cache();
        cache.whoami(token("tok-a1"));
        cache.whoami(token("tok-a2"));
        cache.whoami(token("tok-b"));
        kratos.calls.set(0);

        clock.advance(Duration.ofSeconds(5));
        cache.identityChanged("alice");
        cache.whoami(token("tok-a1"));
        cache.whoami(token("tok-a2"));
        cache.whoami(token("tok-b"));

        assertThat(kratos.calls.get()).as("alice's two sessions asked again, bob's still cached").isEqualTo(2);
    }

    @Test
    void anAnswerInFlightDuringARevocationIsNotServedAfterIt() {
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache cache = cache();
        // Kratos vouched for the session, then the revocation is recorded before the answer is used again.
        cache.whoami(token("tok-a"));
        cache.identityChanged("alice");
        clock.advance(SessionCache.CLOCK_ALLOWANCE);

        cache.whoami(token("tok-a"));

        assertThat(kratos.calls.get()).as("an entry verified before the revocation is never served after it").isEqualTo(2);
    }

    @Test
    void entriesVerifiedWithinTheClockAllowanceOfARevocationAreNotTrusted() {
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache cache = cache();
        cache.identityChanged("alice");
        clock.advance(SessionCache.CLOCK_ALLOWANCE.dividedBy(2));

        cache.whoami(token("tok-a"));
        cache.whoami(token("tok-a"));

        assertThat(kratos.calls.get()).as("another instance's clock may be that far ahead: asked both times").isEqualTo(2);
    }

    @Test
    void entriesVerifiedWellAfterARevocationAreServed() {
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache cache = cache();
        cache.identityChanged("alice");
        clock.advance(SessionCache.CLOCK_ALLOWANCE.plusSeconds(1));

        cache.whoami(token("tok-a"));
        cache.whoami(token("tok-a"));

        assertThat(kratos.calls.get()).as("a new session of a revoked identity is cached again").isEqualTo(1);
    }

    @Test
    void aRequestBetweenTheBrowserLogoutUrlAndTheLogoutDoesNotCacheTheSessionAgain() {
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache cache = cache();
        cache.whoami(token("tok-a"));

        cache.logoutStarted(token("tok-a"));
        assertThat(cache.whoami(token("tok-a")).session()).as("before the browser follows the logout URL").isNotNull();
        kratos.answer("tok-a", WhoamiResult.unknown()); // the browser followed it: Kratos ended the session

        assertThat(cache.whoami(token("tok-a")).session()).as("the first request after the logout").isNull();
        assertThat(kratos.calls.get()).as("every request after the logout URL asked Kratos").isEqualTo(3);
    }

    @Test
    void aWhoamiAnswerInFlightDuringTheLogoutDoesNotCacheTheSessionAgain() {
        Session session = FakeKratos.session("s-a", "alice", clock.instant().plusSeconds(3600), null);
        SessionCache cache = cache();
        kratos.override = credentials -> {
            cache.logoutStarted(credentials); // the logout URL is made while this call is at Kratos
            return WhoamiResult.authenticated(session, List.of());
        };
        cache.whoami(token("tok-a"));
        kratos.override = credentials -> WhoamiResult.authenticated(session, List.of());

        cache.whoami(token("tok-a"));

        assertThat(kratos.calls.get()).as("the answer that raced the logout was not kept").isEqualTo(2);
    }

    @Test
    void theLogoutMarkEndsWithTheTtl() {
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache cache = cache();
        cache.logoutStarted(token("tok-a"));

        clock.advance(TTL);
        cache.whoami(token("tok-a"));
        cache.whoami(token("tok-a"));

        assertThat(kratos.calls.get()).as("a browser that never followed the logout URL is cached again").isEqualTo(1);
    }

    @Test
    void aTokenLoggedOutIsRefusedWithoutAskingKratos() {
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        kratos.add("tok-a2", "alice", Duration.ofHours(1));
        SessionCache cache = cache();
        cache.whoami(token("tok-a"));
        cache.whoami(token("tok-a2"));

        cache.loggedOut(token("tok-a"));

        assertThat(cache.whoami(token("tok-a")).rejection()).isEqualTo(RefusalReason.INVALID_SESSION);
        assertThat(cache.whoami(token("tok-a2")).session()).as("the identity's other session").isNotNull();
        assertThat(kratos.calls.get()).as("neither asked Kratos again").isEqualTo(2);
    }

    @Test
    void anEntryWhoseIdentityStateTheStoreLostIsAMiss() {
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        LocalSessionStore local = new LocalSessionStore(10_000, TTL, clock);
        ForgetfulStore forgetful = new ForgetfulStore(local);
        SessionCache cache = new SessionCache(kratos, CacheConfigs.local(TTL, 10_000), forgetful, metrics, clock);
        cache.whoami(token("tok-a"));

        clock.advance(Duration.ofSeconds(5));
        cache.identityChanged("alice"); // revoked through the library...
        forgetful.forgotten.add("alice"); // ...and the record pushed out, without a word, before the entry ended

        cache.whoami(token("tok-a"));
        assertThat(kratos.calls.get()).as("the session of the revoked identity was asked again").isEqualTo(2);
    }

    @Test
    void revalidateAsksKratosAndReplacesTheEntry() {
        Session aal1 = kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache cache = cache();
        cache.whoami(token("tok-a"));
        Session aal2 = new Session(aal1.id(), true, aal1.expiresAt(), clock.instant(), aal1.issuedAt(), "aal2",
                null, null, aal1.identity(), null);
        kratos.answer("tok-a", WhoamiResult.authenticated(aal2, List.of()));

        assertThat(cache.revalidate(token("tok-a")).session().authenticatorAssuranceLevel()).isEqualTo("aal2");
        assertThat(cache.whoami(token("tok-a")).session().authenticatorAssuranceLevel())
                .as("the cache now holds the stepped-up session").isEqualTo("aal2");
        assertThat(kratos.calls.get()).isEqualTo(2);
    }

    @Test
    void withTheCacheOffEveryLookupAsksKratos() {
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache cache = cache(CacheConfigs.off(TTL));

        for (int i = 0; i < 5; i++) {
            cache.whoami(token("tok-a"));
        }

        assertThat(kratos.calls.get()).isEqualTo(5);
        assertThat(keysStored).isEmpty();
    }

    @Test
    void aCachedAnswerNeverRepeatsKratosSetCookie() {
        Session session = kratos.add("tok-a", "alice", Duration.ofHours(1));
        kratos.answer("tok-a", WhoamiResult.authenticated(session, List.of("ory_kratos_session=new; Path=/")));
        SessionCache cache = cache();

        assertThat(cache.whoami(token("tok-a")).setCookies()).hasSize(1);
        assertThat(cache.whoami(token("tok-a")).setCookies()).as("the refresh is passed on once, by the call that got it").isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers after a random short pause, so that calls for different credentials overlap. */
    private record SessionLookupWithJitter(FakeKratos kratos) implements io.github.orysession.internal.client.SessionLookup {
        @Override
        public WhoamiResult whoami(Credentials credentials) {
            sleep(ThreadLocalRandom.current().nextInt(3));
            return kratos.whoami(credentials);
        }
    }

    /** Remembers every key a session was written under, to check what the cache keys on. */
    private record RecordingStore(SessionStore delegate, Set<String> keys) implements SessionStore {
        @Override
        public StoreEntry get(String key) {
            return delegate.get(key);
        }

        @Override
        public void put(String key, StoreEntry entry) {
            if (entry instanceof CachedSession) {
                keys.add(key);
            }
            delegate.put(key, entry);
        }

        @Override
        public void remove(String key) {
            delegate.remove(key);
        }

        @Override
        public void removeStale(String key, CachedSession unusable) {
            delegate.removeStale(key, unusable);
        }

        @Override
        public IdentityState identity(String identityId) {
            return delegate.identity(identityId);
        }

        @Override
        public IdentityState identityForWriting(String identityId) {
            return delegate.identityForWriting(identityId);
        }

        @Override
        public void markRevoked(String identityId, Instant at) {
            delegate.markRevoked(identityId, at);
        }
    }

    /** A store that loses identities' states, as a bounded provider evicting them silently does. */
    private static final class ForgetfulStore implements SessionStore {
        final Set<String> forgotten = ConcurrentHashMap.newKeySet();
        private final SessionStore delegate;

        ForgetfulStore(SessionStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public StoreEntry get(String key) {
            return delegate.get(key);
        }

        @Override
        public void put(String key, StoreEntry entry) {
            delegate.put(key, entry);
        }

        @Override
        public void remove(String key) {
            delegate.remove(key);
        }

        @Override
        public void removeStale(String key, CachedSession unusable) {
            delegate.removeStale(key, unusable);
        }

        @Override
        public IdentityState identity(String identityId) {
            return forgotten.contains(identityId) ? null : delegate.identity(identityId);
        }

        @Override
        public IdentityState identityForWriting(String identityId) {
            forgotten.remove(identityId);
            return delegate.identityForWriting(identityId);
        }

        @Override
        public void markRevoked(String identityId, Instant at) {
            delegate.markRevoked(identityId, at);
        }
    }
}
