package io.github.orysession.example;

import static io.github.orysession.example.JsonBodies.JSON;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One order, reached through {@link OrdersResource}'s locator: not annotated, protected by the locator chain. */
public class OrderResource {

    private final String id;
    private final String owner;

    /**
     * @param id the order id
     * @param owner the identity id of the caller
     */
    public OrderResource(String id, String owner) {
        this.id = id;
        this.owner = owner;
    }

    /** @return the order, as JSON */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        return JSON.createObjectBuilder().add("order", id).add("owner", owner).build();
    }
}
