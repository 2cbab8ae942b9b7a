package io.github.orysession.example.downstream;

import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the server's MicroProfile JWT verified it: the JWT's subject (the Ory identity id), email,
 * groups (the identity's {@code metadata_public.roles}), issuer, audience, session id and expiry. A call without a
 * verified JWT is answered {@code 401}.
 */
@Path("api/caller")
@RequestScoped
public class CallerResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * @param security the request's security context, whose principal is the verified JWT
     * @return the caller, or {@code 401} without one
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response caller(@Context SecurityContext security) {
        if (!(security.getUserPrincipal() instanceof JsonWebToken jwt)) {
            // Payara answers 401 itself for a JWT that does not verify; Open Liberty goes on without a caller. Either
            // way a caller without a verified JWT gets 401 here.
            return Response.status(Response.Status.UNAUTHORIZED).header("WWW-Authenticate", "Bearer")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(JSON.createObjectBuilder().add("error", JSON.createObjectBuilder().add("code", 401)
                            .add("reason", "no_verified_jwt")
                            .add("message", "This service needs a bearer JWT signed by the Kratos tokenizer")).build())
                    .build();
        }
        return Response.ok(describe(jwt)).build();
    }

    /**
     * @param security the request's security context
     * @return the caller, for callers in the {@code admin} group only (the server's own {@code @RolesAllowed})
     */
    @GET
    @Path("admin")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject admin(@Context SecurityContext security) {
        return describe((JsonWebToken) security.getUserPrincipal());
    }

    private static JsonObject describe(JsonWebToken jwt) {
        Set<String> groups = jwt.getGroups();
        Set<String> audience = jwt.getAudience();
        return JSON.createObjectBuilder()
                .add("sub", jwt.getSubject())
                .add("name", jwt.getName())
                .add("email", text(jwt.getClaim(Claims.email.name())))
                .add("groups", JSON.createArrayBuilder(groups == null ? Set.of() : groups))
                .add("iss", jwt.getIssuer())
                .add("aud", JSON.createArrayBuilder(audience == null ? Set.of() : audience))
                .add("sid", text(jwt.getClaim("sid")))
                .add("jti", jwt.getTokenID())
                .add("exp", jwt.getExpirationTime())
                .build();
    }

    /** A string claim: servers hand it out as a {@code String} or as a JSON-P {@code JsonString}. */
    private static String text(Object claim) {
        return claim instanceof JsonString string ? string.getString() : claim == null ? "" : claim.toString();
    }
}
