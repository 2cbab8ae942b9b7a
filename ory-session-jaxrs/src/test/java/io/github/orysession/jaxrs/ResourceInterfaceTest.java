package io.github.orysession.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import io.github.orysession.Authenticated;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

/**
 * Annotations on a resource interface protect its implementation, as JAX-RS lets an interface carry a resource's
 * annotations; the implementing class's own annotations still win.
 */
class ResourceInterfaceTest {

    @Authenticated
    public interface ReportsApi {
        @GET
        String figures();

        @GET
        @Path("salaries")
        @RolesAllowed("admin")
        String salaries();

        @GET
        @Path("vault")
        @Authenticated(aal = AuthenticatorAssuranceLevel.AAL2)
        String vault();

        @Path("sections")
        Section section();
    }

    /** Reached through the interface's locator. */
    public static class Section {
        @GET
        public String get() {
            return "section";
        }
    }

    @Path("reports")
    public static class Reports implements ReportsApi {
        @Override
        public String figures() {
            return "figures";
        }

        @Override
        public String salaries() {
            return "salaries";
        }

        @Override
        public String vault() {
            return "vault";
        }

        @Override
        public Section section() {
            return new Section();
        }
    }

    @RolesAllowed("auditor")
    public interface AuditApi {
        @GET
        @PermitAll
        String open();

        @GET
        @Path("log")
        String log();
    }

    /** Takes every annotation from its interface. */
    @Path("audit")
    public static class AuditLog implements AuditApi {
        @Override
        public String open() {
            return "open";
        }

        @Override
        public String log() {
            return "log";
        }
    }

    /** Its own annotation is nearer than any of its interface's. */
    @Path("strict-audit")
    @RolesAllowed("admin")
    public static class StrictAuditLog extends AuditLog {
    }

    private final FakeKratos kratos = new FakeKratos().knows("token-alice", "alice", "aal1")
            .knows("token-admin", "root", "aal1", "admin").knows("token-auditor", "eve", "aal1", "auditor");
    private final InMemoryJaxrs jaxrs = InMemoryJaxrs.of(kratos, Reports.class, AuditLog.class, StrictAuditLog.class);

    @Test
    void anAuthenticatedInterfaceProtectsEveryMethodOfItsImplementation() throws Exception {
        assertThat(jaxrs.get("/reports").status()).as("no session").isEqualTo(401);
        assertThat(jaxrs.get("/reports", "X-Session-Token", "token-alice").body()).isEqualTo("figures");
    }

    @Test
    void anInterfaceMethodsOwnRequirementWins() throws Exception {
        InMemoryJaxrs.Answer aal1 = jaxrs.get("/reports/vault", "X-Session-Token", "token-alice");

        assertThat(aal1.status()).as("aal1 on an aal2 interface method: %s", aal1.body()).isEqualTo(403);
    }

    @Test
    void aLocatorDeclaredOnTheInterfaceProtectsItsSubResource() throws Exception {
        assertThat(jaxrs.get("/reports/sections").status()).as("no session").isEqualTo(401);
        assertThat(jaxrs.get("/reports/sections", "X-Session-Token", "token-alice").body()).isEqualTo("section");
    }

    @Test
    void rolesOnAnInterfaceMethodAreEnforcedWithTheJwtMapper() throws Exception {
        InMemoryJaxrs mapped = jaxrs.withJwtMapper();

        assertThat(mapped.get("/reports/salaries", "X-Session-Token", "token-alice").status()).as("no role").isEqualTo(403);
        assertThat(mapped.get("/reports/salaries", "X-Session-Token", "token-admin").status()).as("admin").isEqualTo(200);
    }

    @Test
    void permitAllOnAnInterfaceMethodOpensItAgainstTheInterfacesRoles() throws Exception {
        InMemoryJaxrs mapped = jaxrs.withJwtMapper();

        assertThat(mapped.get("/audit").status()).as("@PermitAll on the interface method").isEqualTo(200);
        assertThat(mapped.get("/audit/log", "X-Session-Token", "token-alice").status()).as("no role").isEqualTo(403);
        assertThat(mapped.get("/audit/log", "X-Session-Token", "token-auditor").status()).as("auditor").isEqualTo(200);
    }

    @Test
    void theClassesOwnAnnotationWinsOverItsInterfaces() throws Exception {
        InMemoryJaxrs mapped = jaxrs.withJwtMapper();

        assertThat(mapped.get("/strict-audit/log", "X-Session-Token", "token-auditor").status())
                .as("the interface says auditor, the class admin: the class wins").isEqualTo(403);
        assertThat(mapped.get("/strict-audit/log", "X-Session-Token", "token-admin").status()).isEqualTo(200);
        assertThat(mapped.get("/strict-audit").status())
                .as("the class's @RolesAllowed is nearer than the interface method's @PermitAll").isEqualTo(401);
    }
}
