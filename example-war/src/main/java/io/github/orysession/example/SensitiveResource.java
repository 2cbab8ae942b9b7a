package io.github.orysession.example;

import static io.github.orysession.example.JsonBodies.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.github.orysession.Authenticated;
import io.github.orysession.OrySession;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.model.Session;

/**
 * Resources that ask more of the session than {@code @Authenticated} alone: a second factor, a recent
 * authentication, and a second factor demanded by a CDI bean rather than by the resource. A browser navigating
 * here without what it takes is sent to Kratos's login ({@code aal=aal2} or {@code refresh=true}, back to the
 * page); an API client gets {@code 401} or {@code 403} with {@code redirect_browser_to}.
 */
@Path("api/sensitive")
@RequestScoped
public class SensitiveResource {

    /** How recent an authentication {@code /api/sensitive/recent} accepts: short, so that it can be seen to expire. */
    public static final long RECENT_SECONDS = 10;

    @Inject
    OrySession session;

    @Inject
    SecondFactorVault vault;

    /** @return the session, only for a session with a second factor */
    @GET
    @Path("aal2")
    @Authenticated(aal = AuthenticatorAssuranceLevel.AAL2)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject secondFactor() {
        return describe("This needs a second factor");
    }

    /** @return the session, only within {@value #RECENT_SECONDS} seconds of signing in */
    @GET
    @Path("recent")
    @Authenticated(maxAgeSeconds = RECENT_SECONDS)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject recent() {
        return describe("This needs a sign-in within the last " + RECENT_SECONDS + " seconds");
    }

    /**
     * Not guarded itself: the CDI bean it calls is, and its step-up is answered by the library's exception mapper.
     *
     * @return the vault's secret
     */
    @GET
    @Path("via-bean")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject viaBean() {
        return JSON.createObjectBuilder().add("secret", vault.secret())
                .add("aal", session.assuranceLevel().wireValue()).build();
    }

    private JsonObject describe(String message) {
        Session current = session.get();
        return JSON.createObjectBuilder()
                .add("message", message)
                .add("identity_id", current.identity().id())
                .add("session_id", current.id())
                .add("aal", current.assuranceLevel().wireValue())
                .add("authenticated_at", String.valueOf(current.authenticatedAt()))
                .build();
    }
}
