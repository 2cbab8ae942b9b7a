package io.github.orysession.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;

import io.github.orysession.Authenticated;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

/** {@link OrySessionFilter} and {@link AuthenticatedFeature} in a real JAX-RS runtime, against a fake Kratos. */
class OrySessionFilterTest {

    @Path("things")
    public static class Things {
        @GET
        @Authenticated
        public String secret(@Context SecurityContext security) {
            return "secret for " + security.getUserPrincipal().getName();
        }

        @GET
        @Path("open")
        public String open() {
            return "open";
        }

        @GET
        @Path("who")
        public String who(@Context SecurityContext security) {
            return security.getUserPrincipal() == null ? "nobody" : security.getUserPrincipal().getName();
        }

        @GET
        @Path("aal2")
        @Authenticated(aal = AuthenticatorAssuranceLevel.AAL2)
        public String secondFactor() {
            return "second factor";
        }
    }

    /** Every method needs a session, from the class's annotation. */
    @Path("guarded")
    @Authenticated
    public static class Guarded {
        @GET
        public String get() {
            return "guarded";
        }
    }

    private final FakeKratos kratos = new FakeKratos().knows("token-alice", "alice", "aal1")
            .knows("ory_kratos_session=cookie-alice", "alice", "aal1");
    private final InMemoryJaxrs jaxrs = InMemoryJaxrs.of(kratos, Things.class, Guarded.class);

    @Test
    void withoutCredentialsAnApiClientGets401AndKratosIsNotAsked() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.get("/things", "Accept", "application/json");

        assertThat(answer.status()).as("no credentials: %s", answer.body()).isEqualTo(401);
        assertThat(answer.reason()).isEqualTo("no_credentials");
        assertThat(answer.header("WWW-Authenticate")).as("a challenge without invalid_token")
                .singleElement().asString().startsWith("Bearer realm=\"ory\"").doesNotContain("invalid_token");
        assertThat(kratos.calls()).as("whoami calls for nothing sent").isZero();
    }

    @Test
    void anUnknownTokenIs401InvalidToken() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.get("/things", "X-Session-Token", "forged");

        assertThat(answer.status()).as("forged token: %s", answer.body()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).singleElement().asString().contains("invalid_token");
        assertThat(answer.body()).as("the body never echoes the token").doesNotContain("forged");
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheLoginBackToThePage() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.get("/things", "Accept", InMemoryJaxrs.HTML);

        assertThat(answer.status()).as("browser navigation: %s", answer.body()).isEqualTo(303);
        assertThat(answer.header("Location")).singleElement().asString()
                .startsWith(InMemoryJaxrs.LOGIN.toString()).contains("return_to=http%3A%2F%2Flocalhost%2Fthings");
    }

    @Test
    void aSessionByTokenBearerOrCookieLetsTheRequestThroughWithTheIdentityAsPrincipal() throws Exception {
        assertThat(jaxrs.get("/things", "X-Session-Token", "token-alice").body()).isEqualTo("secret for alice");
        assertThat(jaxrs.get("/things", "Authorization", "Bearer token-alice").body()).isEqualTo("secret for alice");
        assertThat(jaxrs.get("/things", "Cookie", "theme=dark; ory_kratos_session=cookie-alice").body())
                .as("only the session cookie is sent to Kratos").isEqualTo("secret for alice");
    }

    @Test
    void aClassLevelAnnotationGuardsItsMethods() throws Exception {
        assertThat(jaxrs.get("/guarded").status()).as("no session").isEqualTo(401);
        assertThat(jaxrs.get("/guarded", "X-Session-Token", "token-alice").status()).as("a session").isEqualTo(200);
    }

    @Test
    void anUnprotectedMethodCostsNoWhoamiUntilItLooksAtThePrincipal() throws Exception {
        assertThat(jaxrs.get("/things/open", "X-Session-Token", "token-alice").body()).isEqualTo("open");
        assertThat(kratos.calls()).as("whoami calls for a method that never looks").isZero();

        assertThat(jaxrs.get("/things/who", "X-Session-Token", "token-alice").body()).isEqualTo("alice");
        assertThat(jaxrs.get("/things/who").body()).as("anonymous").isEqualTo("nobody");
        assertThat(kratos.calls()).as("whoami calls: one for the request with a token").isEqualTo(1);
    }

    @Test
    void aSessionBelowTheRequiredLevelIs403() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.get("/things/aal2", "X-Session-Token", "token-alice");

        assertThat(answer.status()).as("aal1 session on an aal2 method: %s", answer.body()).isEqualTo(403);
        assertThat(answer.body()).contains("session_aal2_required");
    }

    @Test
    void kratosDownIs503NeverLetThroughNever401() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.get("/things", "X-Session-Token", FakeKratos.DOWN);

        assertThat(answer.status()).as("Kratos unreachable: %s", answer.body()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isNotEmpty();
    }
}
