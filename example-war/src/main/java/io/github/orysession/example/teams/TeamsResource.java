package io.github.orysession.example.teams;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.github.orysession.manage.SessionAdmin;

/**
 * Administers the {@link TeamDirectory}, for callers with the {@code admin} role. After each change the library is
 * told to forget the identity's cached sessions ({@link SessionAdmin#forgetCachedSessions(String)}), so that the
 * change applies from the identity's next request rather than after the cache TTL.
 */
@Path("api/admin/teams/{identityId}")
@RequestScoped
@RolesAllowed("admin")
public class TeamsResource {

    @Inject
    TeamDirectory directory;

    @Inject
    SessionAdmin admin;

    /**
     * @param identityId the identity
     * @param role the role it gets
     */
    @PUT
    @Path("roles/{role}")
    public void grant(@PathParam("identityId") String identityId, @PathParam("role") String role) {
        directory.grant(identityId, role);
        admin.forgetCachedSessions(identityId);
    }

    /**
     * @param identityId the identity
     * @param role the role it loses
     */
    @DELETE
    @Path("roles/{role}")
    public void revoke(@PathParam("identityId") String identityId, @PathParam("role") String role) {
        directory.revoke(identityId, role);
        admin.forgetCachedSessions(identityId);
    }

    /** @param identityId the identity whose record the directory can no longer read */
    @PUT
    @Path("unreadable")
    public void breakRecord(@PathParam("identityId") String identityId) {
        directory.setReadable(identityId, false);
        admin.forgetCachedSessions(identityId);
    }

    /** @param identityId the identity whose record is readable again */
    @DELETE
    @Path("unreadable")
    public void repairRecord(@PathParam("identityId") String identityId) {
        directory.setReadable(identityId, true);
        admin.forgetCachedSessions(identityId);
    }
}
