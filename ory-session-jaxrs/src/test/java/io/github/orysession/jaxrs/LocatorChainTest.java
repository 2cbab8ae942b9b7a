package io.github.orysession.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;

import io.github.orysession.Authenticated;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

/**
 * Sub-resource locators: what a locator chain is protected by protects the sub-resource it leads to, which JAX-RS
 * tells the library nothing about at start-up (its {@code DynamicFeature} sees the final method and class only).
 */
class LocatorChainTest {

    /** A sub-resource without annotations of its own. */
    public static class Item {
        private final String id;

        public Item(String id) {
            this.id = id;
        }

        @GET
        public String get() {
            return "item " + id;
        }

        @Path("parts")
        public Part parts() {
            return new Part(id);
        }
    }

    /** A sub-resource of a sub-resource. */
    public static class Part {
        private final String id;

        public Part(String id) {
            this.id = id;
        }

        @GET
        public String get() {
            return "parts of " + id;
        }
    }

    /** Returned only by the vault's locator. */
    public static class Vault {
        @GET
        public String get() {
            return "vault";
        }
    }

    /** Returned only by the audit locator. */
    public static class Audit {
        @GET
        public String get() {
            return "audit";
        }
    }

    /** Returned only by the closed locator. */
    public static class Closed {
        @GET
        public String get() {
            return "closed";
        }
    }

    /** Tells who the locator saw. */
    public static class Caller {
        private final String name;

        public Caller(String name) {
            this.name = name;
        }

        @GET
        public String get() {
            return "the locator saw " + name;
        }
    }

    @Path("shop")
    @Authenticated
    public static class Shop {
        @Path("items/{id}")
        public Item item(@PathParam("id") String id) {
            return new Item(id);
        }

        @Path("caller")
        public Caller caller(@Context SecurityContext security) {
            return new Caller(security.getUserPrincipal() == null ? "nobody" : security.getUserPrincipal().getName());
        }
    }

    @Path("open")
    public static class Open {
        @Path("items/{id}")
        public Item item(@PathParam("id") String id) {
            return new Item(id);
        }

        @Path("vault")
        @Authenticated(aal = AuthenticatorAssuranceLevel.AAL2)
        public Vault vault() {
            return new Vault();
        }

        @Path("audit")
        @RolesAllowed("admin")
        public Audit audit() {
            return new Audit();
        }

        @Path("closed")
        @DenyAll
        public Closed closed() {
            return new Closed();
        }
    }

    private final FakeKratos kratos = new FakeKratos().knows("token-alice", "alice", "aal1")
            .knows("token-admin", "root", "aal1", "admin");
    private final InMemoryJaxrs jaxrs = InMemoryJaxrs.of(kratos, Shop.class, Open.class);

    @Test
    void aSubResourceOfAnAuthenticatedClassNeedsTheSession() throws Exception {
        InMemoryJaxrs.Answer anonymous = jaxrs.get("/shop/items/7");
        InMemoryJaxrs.Answer signedIn = jaxrs.get("/shop/items/7", "X-Session-Token", "token-alice");

        assertThat(anonymous.status()).as("no session, through the locator: %s", anonymous.body()).isEqualTo(401);
        assertThat(anonymous.reason()).isEqualTo("no_credentials");
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body()).isEqualTo("item 7");
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheLoginFromASubResource() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.get("/shop/items/7", "Accept", InMemoryJaxrs.HTML);

        assertThat(answer.status()).as("browser navigation: %s", answer.body()).isEqualTo(303);
        assertThat(answer.header("Location")).singleElement().asString().startsWith(InMemoryJaxrs.LOGIN.toString());
    }

    @Test
    void theProtectionReachesEveryLevelOfTheChain() throws Exception {
        assertThat(jaxrs.get("/shop/items/7/parts").status()).as("two locators deep, no session").isEqualTo(401);
        assertThat(jaxrs.get("/shop/items/7/parts", "X-Session-Token", "token-alice").body()).isEqualTo("parts of 7");
    }

    @Test
    void anAuthenticatedLocatorMethodAsksItsOwnRequirement() throws Exception {
        InMemoryJaxrs.Answer aal1 = jaxrs.get("/open/vault", "X-Session-Token", "token-alice");

        assertThat(jaxrs.get("/open/vault").status()).as("no session").isEqualTo(401);
        assertThat(aal1.status()).as("an aal1 session through an aal2 locator: %s", aal1.body()).isEqualTo(403);
        assertThat(aal1.body()).contains("session_aal2_required");
    }

    @Test
    void anUnprotectedChainStaysOpenAndAsksKratosNothing() throws Exception {
        assertThat(jaxrs.get("/open/items/7/parts", "X-Session-Token", "token-alice").body()).isEqualTo("parts of 7");
        assertThat(kratos.calls()).as("whoami calls for an open chain").isZero();
    }

    @Test
    void theLocatorsRolesGuardItsSubResourceWithTheJwtMapper() throws Exception {
        InMemoryJaxrs mapped = jaxrs.withJwtMapper();
        InMemoryJaxrs.Answer forbidden = mapped.get("/open/audit", "X-Session-Token", "token-alice");

        assertThat(mapped.get("/open/audit", "X-Session-Token", "token-admin").status()).as("admin").isEqualTo(200);
        assertThat(forbidden.status()).as("without the role: %s", forbidden.body()).isEqualTo(403);
        assertThat(forbidden.reason()).isEqualTo("missing_role");
        assertThat(mapped.get("/open/audit").status()).as("no session").isEqualTo(401);
        assertThat(mapped.get("/open/closed", "X-Session-Token", "token-admin").status()).as("@DenyAll locator").isEqualTo(403);
    }

    @Test
    void aLocatorSeesTheCallerSinceCredentialsAreReadBeforeMatching() throws Exception {
        assertThat(jaxrs.get("/shop/caller", "X-Session-Token", "token-alice").body()).isEqualTo("the locator saw alice");
    }

    @Test
    void withoutTheCredentialsFilterTheSubResourceIsStillProtected() throws Exception {
        InMemoryJaxrs forgetful = jaxrs.withoutCredentialsFilter();

        assertThat(forgetful.get("/shop/items/7").status()).as("no session").isEqualTo(401);
        assertThat(forgetful.get("/shop/items/7", "X-Session-Token", "token-alice").body()).isEqualTo("item 7");
    }
}
