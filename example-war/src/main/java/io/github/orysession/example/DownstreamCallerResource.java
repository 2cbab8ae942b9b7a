package io.github.orysession.example;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.github.orysession.OrySession;
import io.github.orysession.RefusalReason;
import io.github.orysession.UnauthenticatedException;

/**
 * The downstream service called for anyone, with the caller's identity when there is one: a call without a session
 * carries nothing, and the downstream refuses it with {@code 401}, which this answers as the caller's own {@code 401}
 * (sign in first). A downstream {@code 401} for a caller with a session is {@code 502} instead
 * ({@link DownstreamExceptionMapper}): the services disagree about the JWT, and signing in again would not help.
 */
@Path("api/downstream")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DownstreamCallerResource {

    @Inject
    OrySession session;

    @Inject
    Downstream downstream;

    /**
     * Open to anyone: with a session the call carries it, without one it carries nothing and the downstream refuses it.
     *
     * @return the caller as the downstream sees it
     */
    @GET
    @Path("caller")
    public JsonObject downstreamCaller() {
        try {
            return downstream.callerIfAny();
        } catch (Downstream.DownstreamException e) {
            if (e.status() == 401 && !session.isAuthenticated()) {
                throw new UnauthenticatedException(RefusalReason.NO_CREDENTIALS,
                        "The downstream service answered 401: this request carries no Ory session to vouch for the caller");
            }
            throw e;
        }
    }
}
