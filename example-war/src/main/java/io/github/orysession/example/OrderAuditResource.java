package io.github.orysession.example;

import static io.github.orysession.example.JsonBodies.JSON;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An order's audit trail, reached through {@link OrdersResource}'s {@code @RolesAllowed("admin")} locator. */
public class OrderAuditResource {

    private final String id;

    /** @param id the order id */
    public OrderAuditResource(String id) {
        this.id = id;
    }

    /** @return the audit trail, as JSON */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        return JSON.createObjectBuilder().add("order", id).add("audit", JSON.createArrayBuilder().add("created")).build();
    }
}
