package io.github.orysession.example;

import static io.github.orysession.example.JsonBodies.JSON;

import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.github.orysession.Authenticated;
import io.github.orysession.OrySession;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/**
 * The example as the entry point of a system: it verifies the Ory session, and its REST client carries the caller's
 * identity to the downstream service ({@code example-downstream}) as the session's Kratos-signed JWT, which that
 * service's own MicroProfile JWT verifies. Both say who they think the caller is.
 * <p>
 * A downstream that refuses the JWT ({@code 401}: the two services disagree about its issuer, audience or key),
 * answers with another error or cannot be reached is {@code 502} ({@link DownstreamExceptionMapper}); the library's
 * refusals (no session, Kratos down) are answered as everywhere else. {@link DownstreamCallerResource} shows a call
 * made without a session.
 */
@Path("api/me/downstream")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DownstreamResource {

    @Inject
    OrySession session;

    @Inject
    Downstream downstream;

    /**
     * @param async {@code true} to call through the REST client's asynchronous method
     * @return the caller as the example sees it, as the downstream sees it, and whether they agree
     */
    @GET
    public JsonObject both(@QueryParam("async") boolean async) {
        JsonObject seen = async ? downstream.callerAsync() : downstream.caller();
        Session current = session.get();
        JsonObject edge = edge(current);
        boolean same = current.identity().id().equals(seen.getString("sub", null))
                && Objects.equals(edge.getString("email"), seen.getString("email", null))
                && Objects.equals(names(edge.getJsonArray("groups")), names(seen.getJsonArray("groups")));
        return JSON.createObjectBuilder().add("edge", edge).add("downstream", seen).add("same_caller", same).build();
    }

    /** A JSON array of names as a set: the downstream's MicroProfile JWT keeps groups in no particular order. */
    private static Set<String> names(JsonArray array) {
        return array == null ? Set.of() : Set.copyOf(array.getValuesAs(JsonString::getString));
    }

    private static JsonObject edge(Session current) {
        Identity identity = current.identity();
        JsonValue roles = identity.metadataPublic() == null ? null : identity.metadataPublic().get("roles");
        JsonArray groups = roles instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
        return JSON.createObjectBuilder()
                .add("identity_id", identity.id())
                .add("email", identity.email().orElse(""))
                .add("groups", groups)
                .add("session_id", current.id())
                .build();
    }
}
