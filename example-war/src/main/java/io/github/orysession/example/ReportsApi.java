package io.github.orysession.example;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.github.orysession.Authenticated;

/**
 * A resource interface that carries the security annotations, as JAX-RS lets an interface carry the others: its
 * implementation, {@link ReportsResource}, repeats none of them and is protected all the same. The reports never
 * look at the session, so the annotations alone keep them from strangers.
 */
@Authenticated
public interface ReportsApi {

    /** @return a report for any signed-in user */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject figures();

    /** @return a report for administrators only */
    @GET
    @Path("salaries")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject salaries();
}
