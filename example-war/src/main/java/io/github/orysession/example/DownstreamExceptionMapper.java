package io.github.orysession.example;

import static io.github.orysession.example.JsonBodies.JSON;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A downstream service that answered with an error, or could not be reached: {@code 502} in the shape of the
 * library's error bodies, with the downstream's status ({@code 0}: unreachable). Never the downstream's body, which
 * is not the caller's business.
 */
@Provider
public class DownstreamExceptionMapper implements ExceptionMapper<Downstream.DownstreamException> {

    @Override
    public Response toResponse(Downstream.DownstreamException failure) {
        String reason = failure.status() == 401 ? "downstream_refused_identity"
                : failure.status() == 0 ? "downstream_unavailable" : "downstream_error";
        return Response.status(Response.Status.BAD_GATEWAY).type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .entity(JSON.createObjectBuilder().add("error", JSON.createObjectBuilder()
                        .add("code", 502).add("status", "Bad Gateway").add("reason", reason)
                        .add("message", failure.getMessage()).add("downstream_status", failure.status())).build())
                .build();
    }
}
