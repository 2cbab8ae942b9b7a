package io.github.orysession.example.teams;

import static io.github.orysession.example.JsonBodies.JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.github.orysession.OrySession;

/** Draft articles, for editors: a role only the application's {@link TeamDirectory} gives. */
@Path("api/articles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ArticlesResource {

    @Inject
    OrySession session;

    /** @return the drafts, and who reads them */
    @GET
    @Path("drafts")
    @RolesAllowed("editor")
    public JsonObject drafts() {
        return JSON.createObjectBuilder()
                .add("drafts", JSON.createArrayBuilder().add("Typed traits in five lines").add("Roles from your database"))
                .add("editor", session.identityId())
                .add("roles", JSON.createArrayBuilder(session.roles()))
                .add("attributes", session.attributes())
                .build();
    }
}
