package io.github.orysession.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * The cache's settings: the default JCache name and every key are bound to the Kratos URL and the tokenizer template,
 * and the memory of Kratos's {@code 401}s is brief and bounded.
 */
class CacheConfigTest {

    @Test
    void theDefaultJCacheNameIsBoundToTheKratosUrlAndTheTemplate() {
        String a = load(Map.of(OryConfig.KRATOS_URL, "https://a.projects.oryapis.com")).jcacheName();
        String aAgain = load(Map.of(OryConfig.KRATOS_URL, "https://a.projects.oryapis.com/")).jcacheName();
        String b = load(Map.of(OryConfig.KRATOS_URL, "https://b.projects.oryapis.com")).jcacheName();
        String aJwt = load(Map.of(OryConfig.KRATOS_URL, "https://a.projects.oryapis.com", OryConfig.TOKENIZE_AS, "jwt")).jcacheName();

        assertThat(a).startsWith(CacheConfig.DEFAULT_JCACHE_NAME_PREFIX).hasSize(CacheConfig.DEFAULT_JCACHE_NAME_PREFIX.length() + 16);
        assertThat(aAgain).as("the same Kratos").isEqualTo(a);
        assertThat(b).as("another Kratos project").isNotEqualTo(a);
        assertThat(aJwt).as("the same Kratos with a tokenizer template").isNotEqualTo(a).isNotEqualTo(b);
    }

    @Test
    void aConfiguredJCacheNameIsKeptButTheKeysStayBound() {
        CacheConfig a = load(Map.of(OryConfig.KRATOS_URL, "https://a.example", CacheConfig.JCACHE_NAME, "shared"));
        CacheConfig b = load(Map.of(OryConfig.KRATOS_URL, "https://b.example", CacheConfig.JCACHE_NAME, "shared"));

        assertThat(a.jcacheName()).isEqualTo("shared").isEqualTo(b.jcacheName());
        assertThat(a.scope()).as("what the keys are bound to").isNotEqualTo(b.scope());
    }

    @Test
    void rejectionsAreRememberedFiveSecondsByDefaultAndAtMostAMinute() {
        CacheConfig defaults = load(Map.of(OryConfig.KRATOS_URL, "http://127.0.0.1:4433"));
        assertThat(defaults.rejectionTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.rejectionMaxEntries()).isEqualTo(10_000);
        assertThat(load(Map.of(OryConfig.KRATOS_URL, "http://127.0.0.1:4433", CacheConfig.REJECTION_TTL, "0")).rejectionTtl())
                .as("0 remembers nothing").isZero();

        for (String value : new String[] {"-1", "60001", "x", "1.5"}) {
            assertThatThrownBy(() -> load(Map.of(OryConfig.KRATOS_URL, "http://127.0.0.1:4433", CacheConfig.REJECTION_TTL, value)))
                    .as(value).hasMessage(CacheConfig.REJECTION_TTL + " must be a whole number from 0 to 60000, got " + value);
        }
        assertThatThrownBy(() -> load(Map.of(OryConfig.KRATOS_URL, "http://127.0.0.1:4433", CacheConfig.REJECTION_MAX_ENTRIES, "0")))
                .hasMessageStartingWith(CacheConfig.REJECTION_MAX_ENTRIES + " must be a positive whole number");
    }

    @Test
    void theJCacheNearTimeIsHalfASecondByDefaultAndAtMostFiveSeconds() {
        assertThat(load(Map.of(OryConfig.KRATOS_URL, "http://127.0.0.1:4433")).jcacheNear()).isEqualTo(Duration.ofMillis(500));
        assertThat(load(Map.of(OryConfig.KRATOS_URL, "http://127.0.0.1:4433", CacheConfig.JCACHE_NEAR, "0")).jcacheNear())
                .as("0 reads the shared cache on every request").isZero();

        for (String value : new String[] {"-1", "5001", "x"}) {
            assertThatThrownBy(() -> load(Map.of(OryConfig.KRATOS_URL, "http://127.0.0.1:4433", CacheConfig.JCACHE_NEAR, value)))
                    .as(value).hasMessage(CacheConfig.JCACHE_NEAR + " must be a whole number from 0 to 5000, got " + value);
        }
    }

    private static CacheConfig load(Map<String, String> properties) {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(new HashMap<>(properties), "test", 500)).build();
        return CacheConfig.load(config, OryConfig.load(config));
    }
}
