package io.github.orysession.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import io.github.orysession.Augmentation;
import io.github.orysession.RefusalReason;
import io.github.orysession.SessionAugmentationException;
import io.github.orysession.SessionAugmentor;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.jwt.GroupsPointer;
import io.github.orysession.internal.metrics.SessionMetrics;
import io.github.orysession.internal.metrics.SessionMetrics.Event;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/** The session's grants: the groups pointer's roles, the augmentor's roles and attributes, and its failures. */
class AugmentingLookupTest {

    private final SessionMetrics metrics = new SessionMetrics();
    private final AtomicInteger augmentations = new AtomicInteger();

    private static Session session(String metadata) {
        Identity identity = new Identity("alice", "default", null, "active", null, null, null, null,
                Json.createReader(new StringReader(metadata)).readObject(), null, null);
        return new Session("s-1", true, Instant.now().plusSeconds(60), null, null, "aal1", null, null, identity, null);
    }

    private AugmentingLookup lookup(WhoamiResult kratosSays, SessionAugmentor augmentor) {
        return new AugmentingLookup(credentials -> kratosSays, augmentor, new GroupsPointer("/metadata_public/roles"), metrics);
    }

    private SessionAugmentor counting(SessionAugmentor inner) {
        return session -> {
            augmentations.incrementAndGet();
            return inner.augment(session);
        };
    }

    @Test
    void rolesAreThePointersAndTheAugmentorsWithItsAttributes() {
        AugmentingLookup lookup = lookup(WhoamiResult.authenticated(session("{\"roles\":[\"admin\"]}"), List.of()),
                session -> Augmentation.roles("editor", "admin").withAttribute("tenant", "acme").withAttribute("seats", 3));

        Grants grants = lookup.whoami(Credentials.ofToken("t")).grants();

        assertThat(grants.roles()).containsExactly("admin", "editor");
        assertThat(grants.attributes().getString("tenant")).isEqualTo("acme");
        assertThat(grants.attributes().getInt("seats")).isEqualTo(3);
        assertThat(grants.byApplication()).isTrue();
        assertThat(lookup.hasAugmentor()).isTrue();
    }

    @Test
    void withoutAnAugmentorTheRolesAreThePointers() {
        AugmentingLookup lookup = lookup(WhoamiResult.authenticated(session("{\"roles\":[\"admin\"]}"), List.of()), null);

        Grants grants = lookup.whoami(Credentials.ofToken("t")).grants();

        assertThat(grants.roles()).containsExactly("admin");
        assertThat(grants.byApplication()).as("no augmentor: the library does not enforce roles on its account").isFalse();
        assertThat(lookup.hasAugmentor()).isFalse();
    }

    @Test
    void aRefusalIsNotAugmented() {
        AugmentingLookup lookup = lookup(WhoamiResult.rejected(RefusalReason.INVALID_SESSION), counting(s -> Augmentation.NONE));

        WhoamiResult verdict = lookup.whoami(Credentials.ofToken("t"));

        assertThat(verdict.session()).isNull();
        assertThat(verdict.grants()).isEqualTo(Grants.NONE);
        assertThat(augmentations.get()).as("the augmentor sees only sessions Kratos vouched for").isZero();
    }

    @Test
    void anAugmentorThatThrowsFailsClosedWith503() {
        AugmentingLookup lookup = lookup(WhoamiResult.authenticated(session("{}"), List.of()), session -> {
            throw new java.sql.SQLException("connection refused by db.internal:5432");
        });

        assertThatThrownBy(() -> lookup.whoami(Credentials.ofToken("t")))
                .isInstanceOf(SessionAugmentationException.class)
                .hasMessageContaining("SQLException")
                .hasMessageNotContaining("db.internal")
                .satisfies(e -> {
                    assertThat(((SessionAugmentationException) e).status()).isEqualTo(503);
                    assertThat(((SessionAugmentationException) e).reason()).isEqualTo("augmentation_failed");
                });
        assertThat(metrics.count(Event.FAILURE_AUGMENTATION)).isEqualTo(1);
    }

    @Test
    void anAugmentorThatReturnsNullFailsClosed() {
        AugmentingLookup lookup = lookup(WhoamiResult.authenticated(session("{}"), List.of()), session -> null);

        assertThatThrownBy(() -> lookup.revalidate(Credentials.ofToken("t"))).isInstanceOf(SessionAugmentationException.class);
        assertThat(metrics.count(Event.FAILURE_AUGMENTATION)).isEqualTo(1);
    }

    @Test
    void blankRolesAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> Augmentation.roles("ok", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Augmentation.roles("a").withRoles("b").withAttribute("x", true).roles()).containsExactly("a", "b");
    }
}
