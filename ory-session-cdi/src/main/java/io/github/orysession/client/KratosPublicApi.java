package io.github.orysession.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The part of Kratos's public API the library calls, as a MicroProfile REST client interface.
 * <p>
 * Methods return the raw {@link Response} so that the caller sees every status and header (for example
 * {@code Retry-After}, {@code Set-Cookie}, {@code Ory-Session-Cache-For}) and decides itself what a failure means.
 * The client is built by {@link KratosSessionClient} with the library's own timeouts and with the default
 * exception mapper switched off.
 */
@Path("/")
public interface KratosPublicApi {

    /**
     * {@code GET /sessions/whoami}. Send either a token or the session cookie(s), not both.
     *
     * @param sessionToken the session token, or {@code null}
     * @param cookie the session cookie(s) only, or {@code null}
     * @param tokenizeAs a tokenizer template name, or {@code null}
     * @return Kratos's answer, to be closed by the caller
     */
    @GET
    @Path("sessions/whoami")
    @Produces(MediaType.APPLICATION_JSON)
    Response whoami(@HeaderParam("X-Session-Token") String sessionToken,
                    @HeaderParam("Cookie") String cookie,
                    @QueryParam("tokenize_as") String tokenizeAs);
}
