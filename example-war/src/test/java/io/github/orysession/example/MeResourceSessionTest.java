package io.github.orysession.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import io.github.orysession.KratosUnavailableException;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.test.OryWeld;
import io.github.orysession.test.SessionState;
import io.github.orysession.test.TestSecurityContext;
import io.github.orysession.test.WithOrySession;

/** More of {@link MeResource} with the testing kit: the principal of its security context, an outage. */
@EnableWeld
class MeResourceSessionTest {

    @WeldSetup
    WeldInitiator weld = OryWeld.of(MeResource.class);

    @Inject
    MeResource me;

    @Test
    @WithOrySession(identityId = "id-ada", email = "ada@example.com", aal = AuthenticatorAssuranceLevel.AAL2)
    void describesTheSessionWithItsPrincipal() {
        JsonObject json = me.me(TestSecurityContext.current());

        assertThat(json.getString("identity_id")).isEqualTo("id-ada");
        assertThat(json.getString("principal")).isEqualTo("id-ada");
        assertThat(json.getString("aal")).isEqualTo("aal2");
    }

    @Test
    @WithOrySession(state = SessionState.KRATOS_UNAVAILABLE)
    void anOutageIsNeverAnonymous() {
        assertThatThrownBy(me::greeting).isInstanceOf(KratosUnavailableException.class);
    }
}
