package io.github.orysession.example;

import static io.github.orysession.example.JsonBodies.JSON;

import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.github.orysession.Authenticated;
import io.github.orysession.OrySession;

/** The session as a MicroProfile JSON Web Token ({@code ory.jwt.enabled=true}), roles from {@code metadata_public.roles}. */
@Path("api/jwt")
@RequestScoped
@Authenticated
public class JwtResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    @Claim(standard = Claims.email)
    String email;

    @Inject
    @Claim("sid")
    String sid;

    @Inject
    @Claim(standard = Claims.groups)
    Set<String> groups;

    @Inject
    @Claim(standard = Claims.amr)
    JsonArray amr;

    @Inject
    OrySession session;

    /**
     * @param security the request's security context
     * @return the token's claims as the application sees them
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject token(@Context SecurityContext security) {
        return JSON.createObjectBuilder()
                .add("name", jwt.getName())
                .add("sub", jwt.getSubject())
                .add("iss", jwt.getIssuer())
                .add("jti", jwt.getTokenID())
                .add("sid", sid)
                .add("email", email)
                .add("acr", jwt.<String>getClaim(Claims.acr))
                .add("amr", amr)
                .add("groups", JSON.createArrayBuilder(groups))
                .add("iat", jwt.getIssuedAtTime())
                .add("exp", jwt.getExpirationTime())
                .add("auth_time", jwt.<Long>getClaim(Claims.auth_time))
                .add("principal_is_jwt", security.getUserPrincipal() instanceof JsonWebToken)
                .add("principal", security.getUserPrincipal().getName())
                .add("in_role_admin", security.isUserInRole("admin"))
                .build();
    }

    /** @return a greeting for administrators only */
    @GET
    @Path("admin")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject admin() {
        return JSON.createObjectBuilder().add("message", "Hello, administrator " + jwt.getSubject()).build();
    }

    /**
     * The Kratos-signed JWT of the session ({@code ory.session.tokenize-as}), for example to call another service
     * with {@code Authorization: Bearer}.
     *
     * @return the signed token
     */
    @GET
    @Path("tokenized")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject tokenized() {
        return JSON.createObjectBuilder().add("tokenized", session.get().tokenizedJwt().orElse("")).build();
    }
}
