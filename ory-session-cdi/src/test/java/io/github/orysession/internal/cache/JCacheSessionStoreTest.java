package io.github.orysession.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

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
 * by the clustered integration test): entries and revocations survive the trip through the provider as JSON.
 */
class JCacheSessionStoreTest {

    private final CacheConfig config = new CacheConfig(true, Duration.ofSeconds(30), 10_000, CacheConfig.Backend.JCACHE,
            "ory-test-" + UUID.randomUUID());

    @Test
    void aSessionSurvivesTheTripThroughTheProvider() {
        JCacheSessionStore store = JCacheSessionStore.create(config);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Identity identity = new Identity("i-1", "default", "http://k/schema", "active", now,
                Json.createObjectBuilder().add("email", "a@example.com").add("roles", Json.createArrayBuilder().add("admin")).build(),
                null, null, Json.createObjectBuilder().add("plan", "gold").build(), now, now);
        Session session = new Session("s-1", true, now.plusSeconds(3600), now, now, "aal2",
                List.of(new AuthenticationMethod("password", "aal1", now, null, null), new AuthenticationMethod("totp", "aal2", now, null, null)),
                null, identity, "a.b.c");

        store.put("key-1", new CachedSession(session, now, now.plusSeconds(30)));
        CachedSession back = store.get("key-1");

        assertThat(back.session()).as("the session read back equals the one stored").isEqualTo(session);
        assertThat(back.verifiedAt()).isEqualTo(now);
        assertThat(back.expiresAt()).isEqualTo(now.plusSeconds(30));
        assertThat(JCacheSessionStore.create(config).get("key-1")).as("a second store on the same caches sees it").isNotNull();
    }

    @Test
    void revocationRecordsOnlyMoveForward() {
        JCacheSessionStore store = JCacheSessionStore.create(config);
        Instant t = Instant.parse("2026-11-23T10:00:00Z");

        store.markRevoked("i-1", t);
        store.markRevoked("i-1", t.minusSeconds(5));
        assertThat(store.revokedAt("i-1")).as("an older record does not replace a newer one").isEqualTo(t);

        store.markRevoked("i-1", t.plusSeconds(5));
        assertThat(store.revokedAt("i-1")).isEqualTo(t.plusSeconds(5));
        assertThat(store.revokedAt("i-2")).isNull();
    }

    @Test
    void aRevocationThroughOneInstanceIsSeenThroughAnother() {
        FakeKratos kratos = new FakeKratos(java.time.Clock.systemUTC());
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache instanceA = new SessionCache(kratos, config, JCacheSessionStore.create(config), new SessionMetrics(),
                java.time.Clock.systemUTC());
        SessionCache instanceB = new SessionCache(kratos, config, JCacheSessionStore.create(config), new SessionMetrics(),
                java.time.Clock.systemUTC());

        instanceB.whoami(Credentials.ofToken("tok-a"));
        instanceB.whoami(Credentials.ofToken("tok-a"));
        assertThat(kratos.calls.get()).as("B cached it").isEqualTo(1);

        instanceA.identityChanged("alice");
        WhoamiResult afterRevocation = instanceB.whoami(Credentials.ofToken("tok-a"));

        assertThat(kratos.calls.get()).as("B asks Kratos again right after A's revocation").isEqualTo(2);
        assertThat(afterRevocation.session()).isNotNull();
    }

    @Test
    void anUnreadableEntryIsAMiss() throws Exception {
        JCacheSessionStore store = JCacheSessionStore.create(config);
        javax.cache.Caching.getCachingProvider().getCacheManager()
                .getCache(config.jcacheName(), String.class, String.class).put("key-x", "{not json");

        assertThat(store.get("key-x")).isNull();
    }

    @Test
    void anEntryWithoutAnIdentityIsAMissNotAFailure() {
        FakeKratos kratos = new FakeKratos(java.time.Clock.systemUTC());
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache cache = new SessionCache(kratos, config, JCacheSessionStore.create(config), new SessionMetrics(),
                java.time.Clock.systemUTC());
        long now = System.currentTimeMillis();
        javax.cache.Caching.getCachingProvider().getCacheManager()
                .getCache(config.jcacheName(), String.class, String.class).put(Credentials.ofToken("tok-a").fingerprint(),
                        "{\"verified_at\":" + now + ",\"expires_at\":" + (now + 30_000)
                                + ",\"session\":{\"id\":\"s-1\",\"active\":true}}");

        WhoamiResult result = cache.whoami(Credentials.ofToken("tok-a"));

        assertThat(result.session().identity().id()).as("Kratos was asked instead").isEqualTo("alice");
        assertThat(kratos.calls.get()).isEqualTo(1);
    }
}
