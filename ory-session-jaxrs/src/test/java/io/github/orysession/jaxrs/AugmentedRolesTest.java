package io.github.orysession.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;

import io.github.orysession.Augmentation;
import io.github.orysession.SessionAugmentor;
import io.github.orysession.jwt.SessionJsonWebToken;

/**
 * The application's {@link SessionAugmentor}: its roles reach {@code @RolesAllowed} and {@code isUserInRole}, with the
 * JSON Web Token mapper off (the library enforces roles once an augmentor exists) and on (the token's groups), and
 * its failure is a 503, never a pass.
 */
class AugmentedRolesTest {

    @Path("articles")
    public static class Articles {
        @GET
        @RolesAllowed("editor")
        public String edit(@Context SecurityContext security) {
            return "editing as " + security.getUserPrincipal().getName() + ", admin " + security.isUserInRole("admin")
                    + ", token " + (security.getUserPrincipal() instanceof SessionJsonWebToken);
        }
    }

    private final AtomicBoolean databaseDown = new AtomicBoolean();
    /** The application's data: eve edits. */
    private final SessionAugmentor editors = session -> {
        if (databaseDown.get()) {
            throw new IllegalStateException("the application database is down");
        }
        return "eve".equals(session.identity().id()) ? Augmentation.roles("editor") : Augmentation.NONE;
    };
    private final FakeKratos kratos = new FakeKratos().knows("token-eve", "eve", "aal1", "admin")
            .knows("token-bob", "bob", "aal1", "admin");

    @Test
    void withTheMapperOffTheAugmentorsRolesAreEnforced() throws Exception {
        InMemoryJaxrs jaxrs = InMemoryJaxrs.of(kratos, Articles.class).withAugmentor(editors);

        InMemoryJaxrs.Answer eve = jaxrs.get("/articles", "X-Session-Token", "token-eve");
        InMemoryJaxrs.Answer bob = jaxrs.get("/articles", "X-Session-Token", "token-bob");

        assertThat(eve.status()).as("eve: %s", eve.body()).isEqualTo(200);
        assertThat(eve.body()).as("the pointer's roles count too").isEqualTo("editing as eve, admin true, token false");
        assertThat(bob.status()).as("bob, an admin but no editor: %s", bob.body()).isEqualTo(403);
        assertThat(bob.reason()).isEqualTo("missing_role");
        assertThat(jaxrs.get("/articles").status()).as("no session").isEqualTo(401);
    }

    @Test
    void withTheMapperOnTheAugmentorsRolesAreTheTokensGroups() throws Exception {
        InMemoryJaxrs jaxrs = InMemoryJaxrs.of(kratos, Articles.class).withJwtMapper().withAugmentor(editors);

        assertThat(jaxrs.get("/articles", "X-Session-Token", "token-eve").body()).isEqualTo("editing as eve, admin true, token true");
        assertThat(jaxrs.get("/articles", "X-Session-Token", "token-bob").status()).isEqualTo(403);
    }

    @Test
    void anAugmentorThatFailsIs503NeverAPassOrA401() throws Exception {
        InMemoryJaxrs jaxrs = InMemoryJaxrs.of(kratos, Articles.class).withAugmentor(editors);
        databaseDown.set(true);

        InMemoryJaxrs.Answer answer = jaxrs.get("/articles", "X-Session-Token", "token-eve");

        assertThat(answer.status()).as("augmentor down: %s", answer.body()).isEqualTo(503);
        assertThat(answer.reason()).isEqualTo("augmentation_failed");
        assertThat(answer.header("Retry-After")).containsExactly("5");
        assertThat(answer.body()).doesNotContain("token-eve").doesNotContain("database is down");
    }
}
