package io.github.orysession.example.variant;

import java.security.Principal;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Not {@code @Authenticated}: shows which {@code JsonWebToken} the application is given and who the JAX-RS
 * {@code SecurityContext} says the caller is, for a bearer JWT the server verified and for an Ory session alike.
 */
@Path("api/token")
@RequestScoped
public class TokenResource {

    @Inject
    JsonWebToken jwt;

    /**
     * @param security the request's security context
     * @return the injected token and the principal, as JSON ({@code null}s left out)
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject token(@Context SecurityContext security) {
        Principal principal = security.getUserPrincipal();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("raw_token_present", jwt.getRawToken() != null)
                .add("principal_is_jwt", principal instanceof JsonWebToken)
                .add("in_role_admin", security.isUserInRole("admin"));
        put(json, "sub", jwt.getSubject());
        put(json, "name", jwt.getName());
        put(json, "iss", jwt.getIssuer());
        put(json, "sid", jwt.<Object>getClaim("sid"));
        Set<String> groups = jwt.getGroups();
        if (groups != null) {
            json.add("groups", Json.createArrayBuilder(groups));
        }
        if (principal != null) {
            json.add("principal", principal.getName()).add("principal_type", principal.getClass().getName());
            if (principal instanceof JsonWebToken token) {
                json.add("principal_raw_token_present", token.getRawToken() != null);
                put(json, "principal_sub", token.getSubject());
            }
        }
        put(json, "upn", jwt.<Object>getClaim(Claims.upn.name()));
        return json.build();
    }

    /** @return a greeting for callers in the {@code admin} role, whichever way they authenticated */
    @GET
    @Path("admin")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject admin() {
        return Json.createObjectBuilder().add("message", "Hello, administrator " + jwt.getName()).build();
    }

    private static void put(JsonObjectBuilder json, String name, Object value) {
        if (value != null) {
            json.add(name, String.valueOf(value instanceof jakarta.json.JsonString string ? string.getString() : value));
        }
    }
}
