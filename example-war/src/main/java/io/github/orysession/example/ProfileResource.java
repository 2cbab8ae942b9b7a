package io.github.orysession.example;

import static io.github.orysession.example.JsonBodies.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.github.orysession.Authenticated;
import io.github.orysession.OrySession;
import io.github.orysession.Traits;

/**
 * The signed-in user's profile: the identity's traits as the example's own type ({@link PersonTraits}, injected
 * with {@code @Traits}), and the session's roles, from {@code metadata_public.roles} and the application's
 * {@link io.github.orysession.example.teams.TeamRoles}.
 */
@Path("api/me/profile")
@RequestScoped
@Authenticated
public class ProfileResource {

    @Inject
    @Traits
    PersonTraits person;

    @Inject
    OrySession session;

    /** @return the profile, as JSON */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject profile() {
        JsonObjectBuilder profile = JSON.createObjectBuilder()
                .add("email", person.email())
                .add("roles", JSON.createArrayBuilder(session.roles()))
                .add("attributes", session.attributes());
        if (person.name() != null) {
            profile.add("name", person.name());
        }
        return profile.build();
    }
}
