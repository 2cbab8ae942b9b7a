package io.github.orysession.example;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.github.orysession.InvalidRequestException;
import io.github.orysession.manage.PageRequest;
import io.github.orysession.manage.SessionAdmin;
import io.github.orysession.manage.SessionFilter;

/**
 * Session administration with {@link SessionAdmin} (Kratos's admin API), for callers with the {@code admin} role
 * only: others get 403, anonymous callers 401.
 */
@Path("api/admin")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSessionsResource {

    @Inject
    SessionAdmin admin;

    /**
     * @param id the session id
     * @return the session, with identity and devices
     */
    @GET
    @Path("sessions/{id}")
    public JsonObject session(@PathParam("id") String id) {
        return SessionJson.of(admin.get(id));
    }

    /**
     * @param id the session id
     * @return the session after the extension
     */
    @PATCH
    @Path("sessions/{id}/extend")
    public JsonObject extend(@PathParam("id") String id) {
        return SessionJson.of(admin.extend(id));
    }

    /** @param id the session to revoke */
    @DELETE
    @Path("sessions/{id}")
    public void revoke(@PathParam("id") String id) {
        admin.revoke(id);
    }

    /**
     * @param id the identity id
     * @param active {@code true}, {@code false}, or absent for all sessions
     * @param perPage sessions per page (1 to 1000)
     * @param pageToken {@code next_page_token} of the previous page, or none for the first page
     * @return the identity's sessions and the next page's token
     */
    @GET
    @Path("identities/{id}/sessions")
    public JsonObject identitySessions(@PathParam("id") String id, @QueryParam("active") String active,
                                       @QueryParam("per_page") @DefaultValue("250") int perPage,
                                       @QueryParam("page_token") String pageToken) {
        return SessionJson.of(admin.list(id, filter(active), PageRequest.of(perPage, pageToken)));
    }

    /** @param id the identity whose sessions all go */
    @DELETE
    @Path("identities/{id}/sessions")
    public void revokeAll(@PathParam("id") String id) {
        admin.revokeAll(id);
    }

    private static SessionFilter filter(String active) {
        if (active == null || active.isEmpty()) {
            return SessionFilter.ALL;
        }
        return switch (active) {
            case "true" -> SessionFilter.ACTIVE;
            case "false" -> SessionFilter.INACTIVE;
            default -> throw new InvalidRequestException("invalid_active", "active is true or false");
        };
    }
}
