package io.github.orysession.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.Caching;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.config.CacheConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.metrics.SessionMetrics;
import io.github.orysession.model.AuthenticationMethod;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/**
 * The JCache backend against a real JSR-107 provider (Caffeine's, in these tests; Hazelcast's on Payara, tested
 * by the clustered integration test): entries, logout marks and identities' states survive the trip through the
 * provider as JSON, and a state the provider drops without a word (as Hazelcast does when it evicts for size) never
 * lets a revoked session through.
 */
class JCacheSessionStoreTest {

    private final CacheConfig config = CacheConfigs.jcache("ory-test-" + UUID.randomUUID(), Duration.ofSeconds(30));
    private final Clock clock = Clock.systemUTC();

    private SessionCache instance(FakeKratos kratos) {
        return instance(kratos, config);
    }

    /** An instance of a cluster sharing the provider's caches, with its own store (and so its own near copies). */
    private SessionCache instance(FakeKratos kratos, CacheConfig settings) {
        return new SessionCache(kratos, settings, JCacheSessionStore.create(settings, clock), new SessionMetrics(), clock);
    }

    private FakeKratos aliceWithToken() {
        FakeKratos kratos = new FakeKratos(clock);
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        return kratos;
    }

    private Cache<String, String> providerCache(String name) {
        return Caching.getCachingProvider().getCacheManager().getCache(name, String.class, String.class);
    }

    @Test
    void aSessionSurvivesTheTripThroughTheProvider() {
        JCacheSessionStore store = JCacheSessionStore.create(config, clock);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Identity identity = new Identity("i-1", "default", "http://k/schema", "active", now,
                Json.createObjectBuilder().add("email", "a@example.com").add("roles", Json.createArrayBuilder().add("admin")).build(),
                null, null, Json.createObjectBuilder().add("plan", "gold").build(), now, now);
        Session session = new Session("s-1", true, now.plusSeconds(3600), now, now, "aal2",
                List.of(new AuthenticationMethod("password", "aal1", now, null, null), new AuthenticationMethod("totp", "aal2", now, null, null)),
                null, identity, "a.b.c");

        store.put("key-1", new CachedSession(session, now, now.plusSeconds(30), "gen-1"));

        assertThat(store.get("key-1")).as("the entry read back equals the one stored")
                .isEqualTo(new CachedSession(session, now, now.plusSeconds(30), "gen-1"));
        assertThat(JCacheSessionStore.create(config, clock).get("key-1")).as("a second store on the same caches sees it").isNotNull();
    }

    @Test
    void revocationsOnlyMoveForwardAndEachStartsANewGeneration() {
        JCacheSessionStore store = JCacheSessionStore.create(config, clock);
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        String before = store.identityForWriting("i-1").generation();

        store.markRevoked("i-1", t);
        IdentityState first = store.identity("i-1");
        store.markRevoked("i-1", t.minusSeconds(5));
        assertThat(store.identity("i-1").revokedAt()).as("an older revocation does not replace a newer one").isEqualTo(t);

        store.markRevoked("i-1", t.plusSeconds(5));
        assertThat(store.identity("i-1").revokedAt()).isEqualTo(t.plusSeconds(5));
        assertThat(List.of(before, first.generation(), store.identity("i-1").generation())).doesNotHaveDuplicates();
        assertThat(store.identity("i-2")).isNull();
    }

    @Test
    void aRevocationThroughOneInstanceIsSeenThroughAnother() {
        FakeKratos kratos = new FakeKratos(clock);
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache instanceA = instance(kratos);
        SessionCache instanceB = instance(kratos);

        instanceB.whoami(Credentials.ofToken("tok-a"));
        instanceB.whoami(Credentials.ofToken("tok-a"));
        assertThat(kratos.calls.get()).as("B cached it").isEqualTo(1);

        instanceA.identityChanged("alice");
        WhoamiResult afterRevocation = instanceB.whoami(Credentials.ofToken("tok-a"));

        assertThat(kratos.calls.get()).as("B asks Kratos again right after A's revocation").isEqualTo(2);
        assertThat(afterRevocation.session()).isNotNull();
    }

    @Test
    void aRevokedSessionStaysRefusedWhenTheProviderDropsTheRevocationRecord() {
        FakeKratos kratos = new FakeKratos(clock);
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache instanceA = instance(kratos);
        SessionCache instanceB = instance(kratos);
        assertThat(instanceB.whoami(Credentials.ofToken("tok-a")).session()).as("cached on B").isNotNull();

        instanceA.identityChanged("alice");
        kratos.answer("tok-a", WhoamiResult.unknown()); // Kratos revoked it
        // The provider evicts the identity's record for size, silently: no event, no callback, it is just gone.
        providerCache(config.jcacheName() + JCacheSessionStore.IDENTITIES).remove("alice");

        assertThat(instanceB.whoami(Credentials.ofToken("tok-a")).session())
                .as("the revoked session on B, after the record of its revocation was lost").isNull();
        assertThat(kratos.calls.get()).as("B asked Kratos").isEqualTo(2);
    }

    @Test
    void aSessionNeverReplacesALogoutMarkButAMarkReplacesASession() {
        JCacheSessionStore store = JCacheSessionStore.create(config, clock);
        Session session = FakeKratos.session("s-1", "alice", Instant.now().plusSeconds(3600), null);
        Instant now = Instant.now();

        store.put("key-1", new CachedSession(session, now, now.plusSeconds(30), "g"));
        store.put("key-1", new LogoutMark(now.plusSeconds(30)));
        store.put("key-1", new CachedSession(session, now, now.plusSeconds(30), "g"));
        store.remove("key-1");

        assertThat(store.get("key-1")).as("the mark stays through a put and a remove").isInstanceOf(LogoutMark.class);
    }

    @Test
    void aStaleEntryIsDroppedOnlyWhileTheKeyStillHoldsThatFill() {
        assertRemovesOnlyTheSameFill(JCacheSessionStore.create(config, clock));
        assertRemovesOnlyTheSameFill(new LocalSessionStore(100, Duration.ofSeconds(30), clock));
    }

    private static void assertRemovesOnlyTheSameFill(SessionStore store) {
        Session session = FakeKratos.session("s-1", "alice", Instant.now().plusSeconds(3600), null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CachedSession old = new CachedSession(session, now, now.plusSeconds(30), "g");
        CachedSession refill = new CachedSession(session, now.plusSeconds(31), now.plusSeconds(61), "g");

        store.put("key-1", refill);
        store.removeStale("key-1", old);
        assertThat(store.get("key-1")).as("another fill stays").isEqualTo(refill);

        store.removeStale("key-1", new CachedSession(session, now.plusSeconds(31), now.plusSeconds(61), "g"));
        assertThat(store.get("key-1")).as("the same fill, read back as another object, goes").isNull();

        store.put("key-1", new LogoutMark(now.plusSeconds(30)));
        store.removeStale("key-1", old);
        assertThat(store.get("key-1")).as("a logout mark stays").isInstanceOf(LogoutMark.class);
    }

    @Test
    void aLogoutOnOneInstanceKeepsTheCredentialOutOfTheCacheOnAnother() {
        FakeKratos kratos = new FakeKratos(clock);
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache instanceA = instance(kratos);
        SessionCache instanceB = instance(kratos);
        instanceB.whoami(Credentials.ofToken("tok-a"));

        instanceA.logoutStarted(Credentials.ofToken("tok-a"));
        instanceB.whoami(Credentials.ofToken("tok-a"));
        instanceB.whoami(Credentials.ofToken("tok-a"));

        assertThat(kratos.calls.get()).as("B asks Kratos on every request once A handed out the logout URL").isEqualTo(3);
    }

    @Test
    void anInstanceServesItsNearCopyWithoutReadingTheSharedCacheAgain() {
        CacheConfig near = CacheConfigs.withJCacheNear(config, Duration.ofMinutes(1));
        FakeKratos kratos = new FakeKratos(clock);
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache instance = instance(kratos, near);
        instance.whoami(Credentials.ofToken("tok-a"));
        instance.whoami(Credentials.ofToken("tok-a")); // read from the shared cache, and kept near

        // Both shared caches lose everything behind the instance's back, without an event (as in a size eviction).
        providerCache(config.jcacheName()).clear();
        providerCache(config.jcacheName() + JCacheSessionStore.IDENTITIES).clear();

        assertThat(instance.whoami(Credentials.ofToken("tok-a")).session()).as("served from the near copy").isNotNull();
        assertThat(kratos.calls.get()).isEqualTo(1);
    }

    @Test
    void anInstanceWhoseNearCopyExpiredServesTheEntryAnotherInstanceRefilledWithoutDroppingIt() {
        MutableClock time = new MutableClock();
        CacheConfig near = CacheConfigs.withJCacheNear(config, Duration.ofMinutes(1)); // B's copy outlives the entry
        FakeKratos kratos = new FakeKratos(time);
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache instanceA = new SessionCache(kratos, near, JCacheSessionStore.create(near, time), new SessionMetrics(), time);
        SessionCache instanceB = new SessionCache(kratos, near, JCacheSessionStore.create(near, time), new SessionMetrics(), time);
        instanceB.whoami(Credentials.ofToken("tok-a")); // B fills the entry and keeps a near copy of it
        instanceB.whoami(Credentials.ofToken("tok-a"));

        time.advance(Duration.ofSeconds(31)); // the entry's TTL ran out, at the same instant for every instance
        instanceA.whoami(Credentials.ofToken("tok-a")); // A misses and refills it
        WhoamiResult onB = instanceB.whoami(Credentials.ofToken("tok-a")); // B's near copy is the expired entry
        instanceA.whoami(Credentials.ofToken("tok-a"));

        assertThat(onB.session()).isNotNull();
        assertThat(kratos.calls.get()).as("one refill for the cluster: B serves A's, and A's stays in the shared cache")
                .isEqualTo(2);
    }

    @Test
    void aRevocationReturnsOnlyOnceNoInstanceServesANearCopyReadBeforeIt() {
        Duration nearTime = Duration.ofMillis(300);
        CacheConfig near = CacheConfigs.withJCacheNear(config, nearTime);
        FakeKratos kratos = aliceWithToken();
        SessionCache instanceA = instance(kratos, near);
        SessionCache instanceB = instance(kratos, near);
        instanceB.whoami(Credentials.ofToken("tok-a"));
        instanceB.whoami(Credentials.ofToken("tok-a")); // B keeps near copies of the entry and of alice's state
        instanceB.whoami(Credentials.ofToken("tok-a"));
        assertThat(kratos.calls.get()).as("B served it from the cache").isEqualTo(1);

        long start = System.nanoTime();
        instanceA.identityChanged("alice");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        kratos.answer("tok-a", WhoamiResult.unknown()); // Kratos revoked it

        assertThat(took).as("A's revocation waited out the near time").isGreaterThanOrEqualTo(nearTime);
        assertThat(instanceB.whoami(Credentials.ofToken("tok-a")).session()).as("B right after A returned").isNull();
        assertThat(kratos.calls.get()).as("B asked Kratos").isEqualTo(2);
    }

    @Test
    void aLogoutMarkWaitsOutTheNearTimeToo() {
        Duration nearTime = Duration.ofMillis(300);
        CacheConfig near = CacheConfigs.withJCacheNear(config, nearTime);
        FakeKratos kratos = aliceWithToken();
        SessionCache instanceA = instance(kratos, near);
        SessionCache instanceB = instance(kratos, near);
        instanceB.whoami(Credentials.ofToken("tok-a"));
        instanceB.whoami(Credentials.ofToken("tok-a"));

        long start = System.nanoTime();
        instanceA.logoutStarted(Credentials.ofToken("tok-a"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(nearTime);
        instanceB.whoami(Credentials.ofToken("tok-a"));

        assertThat(kratos.calls.get()).as("B asks Kratos once A handed out the logout URL").isEqualTo(2);
    }

    @Test
    void aCopyIsReadAgainAfterTheNearTimeAndParsedAgainOnlyWhenItChanged() throws InterruptedException {
        CacheConfig near = CacheConfigs.withJCacheNear(config, Duration.ofMillis(100));
        JCacheSessionStore store = JCacheSessionStore.create(near, clock);
        Instant now = Instant.now();
        Session session = FakeKratos.session("s-1", "alice", now.plusSeconds(3600), null);
        store.put("key-1", new CachedSession(session, now, now.plusSeconds(30), "g"));
        StoreEntry first = store.get("key-1");

        Thread.sleep(150);
        assertThat(store.get("key-1")).as("read again, the same value: the parsed copy is kept").isSameAs(first);

        providerCache(config.jcacheName()).remove("key-1");
        Thread.sleep(150);
        assertThat(store.get("key-1")).as("read again, gone from the shared cache").isNull();
    }

    @Test
    void aNearTimeOfZeroReadsTheSharedCacheEveryTime() {
        CacheConfig near = CacheConfigs.withJCacheNear(config, Duration.ZERO);
        JCacheSessionStore store = JCacheSessionStore.create(near, clock);
        Instant now = Instant.now();
        Session session = FakeKratos.session("s-1", "alice", now.plusSeconds(3600), null);
        store.put("key-1", new CachedSession(session, now, now.plusSeconds(30), "g"));
        assertThat(store.get("key-1")).isNotNull();

        providerCache(config.jcacheName()).remove("key-1");

        assertThat(store.get("key-1")).isNull();
    }

    @Test
    void anUnreadableEntryIsAMiss() {
        JCacheSessionStore store = JCacheSessionStore.create(config, clock);
        providerCache(config.jcacheName()).put("key-x", "{not json");
        providerCache(config.jcacheName()).put("key-y", "{\"expires_at\":1,\"verified_at\":1}");

        assertThat(store.get("key-x")).isNull();
        assertThat(store.get("key-y")).as("no generation, no session").isNull();
    }

    @Test
    void anEntryWithoutAnIdentityIsAMissNotAFailure() {
        FakeKratos kratos = new FakeKratos(clock);
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache cache = instance(kratos);
        long now = System.currentTimeMillis();
        providerCache(config.jcacheName()).put(Credentials.ofToken("tok-a").fingerprint(config.scope()),
                "{\"verified_at\":" + now + ",\"expires_at\":" + (now + 30_000)
                        + ",\"generation\":\"g\",\"session\":{\"id\":\"s-1\",\"active\":true}}");

        WhoamiResult result = cache.whoami(Credentials.ofToken("tok-a"));

        assertThat(result.session().identity().id()).as("Kratos was asked instead").isEqualTo("alice");
        assertThat(kratos.calls.get()).isEqualTo(1);
    }
}
