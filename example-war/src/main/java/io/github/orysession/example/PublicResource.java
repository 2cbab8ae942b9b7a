package io.github.orysession.example;

import static io.github.orysession.example.JsonBodies.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.github.orysession.OrySession;

/** Open to anyone; greets signed-in users by email. */
@Path("api/public")
@RequestScoped
public class PublicResource {

    @Inject
    OrySession session;

    /** @return a greeting, as JSON */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject hello() {
        return JSON.createObjectBuilder().add("message", "Hello, this endpoint is public").build();
    }

    /**
     * Looks at the session only when asked, so a plain {@code GET /api/public} costs no whoami call.
     *
     * @return who is calling, or that nobody signed in is
     */
    @GET
    @Path("greeting")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject greeting() {
        String who = session.isAuthenticated() ? session.identity().email().orElse(session.identityId()) : "stranger";
        return JSON.createObjectBuilder().add("message", "Hello, " + who).build();
    }
}
