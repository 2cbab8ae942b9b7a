package io.github.orysession.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import io.github.orysession.AssuranceLevelRequiredException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.RefusalReason;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

/**
 * {@link OrySessionExceptionMapper}: the library's exceptions thrown inside a resource (by a CDI bean's interceptor,
 * or {@code OrySession.get()}) are answered as the filter would have answered them.
 */
class OrySessionExceptionMapperTest {

    @Path("service")
    public static class Service {
        @GET
        @Path("anonymous")
        public String anonymous() {
            throw new UnauthenticatedException(RefusalReason.NO_CREDENTIALS);
        }

        @GET
        @Path("step-up")
        public String stepUp() {
            throw new AssuranceLevelRequiredException(AuthenticatorAssuranceLevel.AAL2, null);
        }

        @GET
        @Path("down")
        public String down() {
            throw new KratosUnavailableException("test: Kratos is down", null);
        }
    }

    private final InMemoryJaxrs jaxrs = InMemoryJaxrs.of(new FakeKratos().knows("token-alice", "alice", "aal1"),
            Service.class);

    @Test
    void anApiClientGetsTheJsonErrorAndTheChallengeSaysWhetherItSentACredential() throws Exception {
        InMemoryJaxrs.Answer anonymous = jaxrs.get("/service/anonymous", "Accept", "application/json");
        InMemoryJaxrs.Answer withToken = jaxrs.get("/service/anonymous", "X-Session-Token", "token-alice");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.reason()).isEqualTo("no_credentials");
        assertThat(anonymous.header("WWW-Authenticate")).singleElement().asString().doesNotContain("invalid_token");
        assertThat(withToken.header("WWW-Authenticate")).singleElement().asString().contains("invalid_token");
    }

    @Test
    void aBrowserIsSentToTheLoginOrTheStepUp() throws Exception {
        InMemoryJaxrs.Answer login = jaxrs.get("/service/anonymous", "Accept", InMemoryJaxrs.HTML);
        InMemoryJaxrs.Answer stepUp = jaxrs.get("/service/step-up", "Accept", InMemoryJaxrs.HTML);

        assertThat(login.status()).isEqualTo(303);
        assertThat(login.header("Location")).singleElement().asString().startsWith(InMemoryJaxrs.LOGIN.toString());
        assertThat(stepUp.status()).isEqualTo(303);
        assertThat(stepUp.header("Location")).singleElement().asString().contains("aal=aal2");
    }

    @Test
    void kratosDownIs503() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.get("/service/down");

        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(503);
    }
}
