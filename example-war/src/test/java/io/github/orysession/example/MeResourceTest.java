package io.github.orysession.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import io.github.orysession.UnauthenticatedException;
import io.github.orysession.test.OryWeld;
import io.github.orysession.test.SessionState;
import io.github.orysession.test.WithOrySession;

/** The example's {@code @Authenticated} resource, unit-tested with the testing kit: the sample of docs/testing.md. */
// sample:start
@EnableWeld
class MeResourceTest {

    @WeldSetup
    WeldInitiator weld = OryWeld.of(MeResource.class);

    @Inject
    MeResource me;

    @Test
    @WithOrySession(email = "ada@example.com")
    void greetsTheSignedInUser() {
        assertThat(me.greeting().getString("message")).isEqualTo("Hello, ada@example.com");
    }

    @Test
    @WithOrySession(state = SessionState.ANONYMOUS)
    void refusesAnonymousCallers() {
        assertThatThrownBy(me::greeting).isInstanceOf(UnauthenticatedException.class);
    }
}
// sample:end
