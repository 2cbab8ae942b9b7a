package io.github.orysession.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.cache.Caching;

import org.junit.jupiter.api.Test;

import io.github.orysession.Augmentation;
import io.github.orysession.SessionAugmentationException;
import io.github.orysession.SessionAugmentor;
import io.github.orysession.internal.client.AugmentingLookup;
import io.github.orysession.internal.client.Grants;
import io.github.orysession.internal.config.CacheConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.jwt.GroupsPointer;
import io.github.orysession.internal.metrics.SessionMetrics;

/**
 * The augmentor's result is cached with the session: called once per cache fill, served by every hit, on every
 * instance of a cluster sharing the JCache store; its failures are never cached.
 */
class AugmentedCacheTest {

    private final MutableClock clock = new MutableClock();
    private FakeKratos kratos = new FakeKratos(clock);
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final SessionAugmentor augmentor = session -> {
        calls.incrementAndGet();
        if (databaseDown.get()) {
            throw new IllegalStateException("database down");
        }
        return Augmentation.roles("editor").withAttribute("tenant", "acme");
    };

    private SessionCache cache(CacheConfig config, SessionStore store, Clock time) {
        AugmentingLookup augmenting = new AugmentingLookup(kratos, augmentor, new GroupsPointer("/metadata_public/roles"),
                new SessionMetrics());
        return new SessionCache(augmenting, config, store, new SessionMetrics(), time);
    }

    private SessionCache local() {
        CacheConfig config = CacheConfigs.local(Duration.ofSeconds(30), 100);
        return cache(config, new LocalSessionStore(100, config.ttl(), clock), clock);
    }

    @Test
    void theAugmentorRunsOncePerCacheFillAndEveryHitServesItsRoles() {
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache cache = local();

        Grants first = cache.whoami(Credentials.ofToken("tok-a")).grants();
        Grants second = cache.whoami(Credentials.ofToken("tok-a")).grants();
        clock.advance(Duration.ofSeconds(31));
        Grants afterTtl = cache.whoami(Credentials.ofToken("tok-a")).grants();

        assertThat(calls.get()).as("augmentor calls: the first fill and the one after the TTL").isEqualTo(2);
        assertThat(second).as("a hit serves the grants of the fill").isEqualTo(first);
        assertThat(second.roles()).containsExactly("editor");
        assertThat(second.attributes().getString("tenant")).isEqualTo("acme");
        assertThat(afterTtl.roles()).containsExactly("editor");
    }

    @Test
    void aFailedAugmentationIsNotCachedAndTheNextRequestTriesAgain() {
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache cache = local();
        databaseDown.set(true);

        assertThatThrownBy(() -> cache.whoami(Credentials.ofToken("tok-a"))).isInstanceOf(SessionAugmentationException.class);
        assertThatThrownBy(() -> cache.whoami(Credentials.ofToken("tok-a"))).isInstanceOf(SessionAugmentationException.class);
        databaseDown.set(false);
        Grants recovered = cache.whoami(Credentials.ofToken("tok-a")).grants();

        assertThat(kratos.calls.get()).as("Kratos asked each time: nothing was cached while the augmentor failed").isEqualTo(3);
        assertThat(recovered.roles()).containsExactly("editor");
    }

    @Test
    void theClusteredStoreKeepsTheGrantsSoOtherInstancesNeedNoAugmentor() {
        CacheConfig config = CacheConfigs.jcache("ory-test-" + UUID.randomUUID(), Duration.ofSeconds(30));
        kratos = new FakeKratos(Clock.systemUTC());
        kratos.add("tok-a", "alice", Duration.ofHours(1));
        SessionCache instanceA = cache(config, JCacheSessionStore.create(config, Clock.systemUTC()), Clock.systemUTC());
        SessionCache instanceB = cache(config, JCacheSessionStore.create(config, Clock.systemUTC()), Clock.systemUTC());

        Grants onA = instanceA.whoami(Credentials.ofToken("tok-a")).grants();
        Grants onB = instanceB.whoami(Credentials.ofToken("tok-a")).grants();

        assertThat(calls.get()).as("B served A's entry, grants included, without calling the augmentor").isEqualTo(1);
        assertThat(onB).isEqualTo(onA);
        assertThat(onB.byApplication()).isTrue();
    }

    @Test
    void aClusteredEntryWithoutGrantsIsAMiss() {
        CacheConfig config = CacheConfigs.jcache("ory-test-" + UUID.randomUUID(), Duration.ofSeconds(30));
        JCacheSessionStore store = JCacheSessionStore.create(config, Clock.systemUTC());
        store.put("k", new CachedSession(FakeKratos.session("s", "alice", java.time.Instant.now().plusSeconds(60), null),
                java.time.Instant.now(), java.time.Instant.now().plusSeconds(30), "g"));
        String written = Caching.getCachingProvider().getCacheManager().getCache(config.jcacheName(), String.class, String.class).get("k");
        String older = written.replaceAll(",\"grants\":\\{.*\\}\\}$", "}");
        Caching.getCachingProvider().getCacheManager().getCache(config.jcacheName(), String.class, String.class).put("k", older);

        assertThat(older).doesNotContain("grants");
        assertThat(store.get("k")).as("an entry of a library version without grants is read as a miss").isNull();
    }
}
