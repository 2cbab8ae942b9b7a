package io.github.orysession.example;

import static io.github.orysession.example.JsonBodies.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import io.github.orysession.Authenticated;
import io.github.orysession.OrySession;
import io.github.orysession.model.Session;

/** Who am I: answers only requests with a valid Ory session. */
@Path("api/me")
@RequestScoped
@Authenticated
public class MeResource {

    @Inject
    OrySession session;

    /**
     * @param security the request's security context, whose principal is the identity
     * @return the identity and session, as JSON
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject me(@Context SecurityContext security) {
        Session current = session.get();
        return JSON.createObjectBuilder()
                .add("identity_id", current.identity().id())
                .add("email", current.identity().email().orElse(""))
                .add("session_id", current.id())
                .add("aal", current.assuranceLevel().wireValue())
                .add("expires_at", String.valueOf(current.expiresAt()))
                .add("principal", security.getUserPrincipal().getName())
                .build();
    }

    /**
     * The answer {@code GET /api/public} gives, for the signed-in user: the benchmark's protected endpoint
     * ({@code ./bench.sh}), so that its scenarios differ from {@code public} by {@code @Authenticated} alone.
     *
     * @return a greeting, as JSON
     */
    @GET
    @Path("greeting")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject greeting() {
        return JSON.createObjectBuilder().add("message", "Hello, " + session.identity().email().orElse(session.identityId()))
                .build();
    }
}
