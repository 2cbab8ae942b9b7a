package io.github.orysession.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

/**
 * {@link RolesAllowedFeature} and {@link RolesAllowedFilter}: with the JSON Web Token mapper on, the session's
 * groups are its roles; with it off, the library leaves {@code @RolesAllowed} to the server.
 */
class RolesAllowedFilterTest {

    @Path("admin")
    @RolesAllowed("admin")
    public static class Admin {
        @GET
        public String get() {
            return "admin";
        }

        @GET
        @Path("open")
        @PermitAll
        public String open() {
            return "open";
        }

        @GET
        @Path("closed")
        @DenyAll
        public String closed() {
            return "closed";
        }

        @GET
        @Path("auditors")
        @RolesAllowed({"auditor", "admin"})
        public String auditors() {
            return "auditors";
        }
    }

    private final FakeKratos kratos = new FakeKratos().knows("token-alice", "alice", "aal1")
            .knows("token-admin", "root", "aal1", "admin").knows("token-auditor", "eve", "aal1", "auditor");
    private final InMemoryJaxrs mapped = InMemoryJaxrs.of(kratos, Admin.class).withJwtMapper();

    @Test
    void aCallerWithTheRolePasses() throws Exception {
        assertThat(mapped.get("/admin", "X-Session-Token", "token-admin").body()).isEqualTo("admin");
        assertThat(mapped.get("/admin/auditors", "X-Session-Token", "token-auditor").body()).as("one of the roles")
                .isEqualTo("auditors");
    }

    @Test
    void aCallerWithoutTheRoleIs403AndNoCallerIs401() throws Exception {
        InMemoryJaxrs.Answer forbidden = mapped.get("/admin", "X-Session-Token", "token-alice");
        InMemoryJaxrs.Answer anonymous = mapped.get("/admin");

        assertThat(forbidden.status()).as("signed in without the role: %s", forbidden.body()).isEqualTo(403);
        assertThat(forbidden.reason()).isEqualTo("missing_role");
        assertThat(anonymous.status()).as("no session: %s", anonymous.body()).isEqualTo(401);
        assertThat(mapped.get("/admin", "Accept", InMemoryJaxrs.HTML).status()).as("a browser without a session")
                .isEqualTo(303);
    }

    @Test
    void permitAllOpensAndDenyAllClosesAMethod() throws Exception {
        assertThat(mapped.get("/admin/open").body()).as("@PermitAll on a @RolesAllowed class").isEqualTo("open");
        InMemoryJaxrs.Answer denied = mapped.get("/admin/closed", "X-Session-Token", "token-admin");
        assertThat(denied.status()).as("@DenyAll, even for an admin").isEqualTo(403);
        assertThat(denied.reason()).isEqualTo("denied");
    }

    @Test
    void withTheMapperOffTheLibraryLeavesRolesToTheServer() throws Exception {
        InMemoryJaxrs off = InMemoryJaxrs.of(kratos, Admin.class);

        assertThat(off.get("/admin").status()).as("the in-memory server enforces no roles of its own").isEqualTo(200);
        assertThat(kratos.calls()).as("and Kratos is not asked").isZero();
    }
}
