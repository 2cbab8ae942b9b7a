package io.github.orysession.example;

import static io.github.orysession.example.JsonBodies.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.github.orysession.Authenticated;
import io.github.orysession.manage.LogoutFlow;
import io.github.orysession.manage.MySessions;
import io.github.orysession.manage.PageRequest;

/**
 * The signed-in user's own sessions, with {@link MySessions}: list the others, revoke one or all of them, log out.
 * Errors (no session, Kratos refusing, Kratos down) are answered by the library's exception mapper.
 */
@Path("api/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MySessionsResource {

    @Inject
    MySessions mySessions;

    /**
     * @param perPage sessions per page (1 to 1000)
     * @param pageToken {@code next_page_token} of the previous page, or none for the first page
     * @return the user's other active sessions and the next page's token
     */
    @GET
    @Authenticated
    public JsonObject others(@QueryParam("per_page") @DefaultValue("250") int perPage,
                             @QueryParam("page_token") String pageToken) {
        return SessionJson.of(mySessions.listOthers(PageRequest.of(perPage, pageToken)));
    }

    /** @return how many sessions were revoked: every session but the current one */
    @DELETE
    @Authenticated
    public JsonObject revokeOthers() {
        return JSON.createObjectBuilder().add("revoked", mySessions.revokeOthers()).build();
    }

    /**
     * Revokes one of the user's other sessions (the current one is refused with Kratos's 400).
     *
     * @param id the session id
     */
    @DELETE
    @Path("{id}")
    @Authenticated
    public void revoke(@PathParam("id") String id) {
        mySessions.revoke(id);
    }

    /** @return the browser logout URL for the request's session cookie */
    @GET
    @Path("logout-url")
    public JsonObject browserLogout() {
        LogoutFlow flow = mySessions.browserLogout();
        return JSON.createObjectBuilder()
                .add("logout_url", flow.logoutUrl().toString())
                .add("logout_token", flow.logoutToken())
                .build();
    }

    /** Logs out the request's session token (a native app's logout). */
    @DELETE
    @Path("current")
    public void logout() {
        mySessions.logout();
    }
}
