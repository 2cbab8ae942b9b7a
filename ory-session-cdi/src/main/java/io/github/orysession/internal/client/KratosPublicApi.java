package io.github.orysession.internal.client;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The part of Kratos's public API the library calls, as a MicroProfile REST client interface.
 * <p>
 * Methods return the raw {@link Response} so that the caller sees every status and header (for example
 * {@code Retry-After}, {@code Set-Cookie}, {@code Ory-Session-Cache-For}) and decides itself what a failure means.
 * The client is built by {@link RestClients} with the library's own timeouts and with the default exception mapper
 * switched off. The session-management calls ({@code io.github.orysession.manage}) act with the request's own
 * credentials: send either a token or the session cookie(s), not both.
 * <p>
 * The token logout ({@code DELETE /self-service/logout/api}, with a JSON body) is not here: Payara's REST client
 * does not send a body with {@code DELETE}; {@code io.github.orysession.manage} makes that call with the JDK's
 * HTTP client.
 * <p>
 * The interface has no type-level {@code @Path} on purpose: a JAX-RS runtime that scans the application's
 * libraries (Jersey on Payara does) would take it for a root resource and its paths would clash with the
 * application's own resources.
 */
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

    /**
     * {@code GET /sessions}: the caller's other active sessions, newest first, a page at a time. Kratos answers with
     * the sessions as a JSON array and the total in {@code X-Total-Count}.
     *
     * @param sessionToken the session token, or {@code null}
     * @param cookie the session cookie(s) only, or {@code null}
     * @param page the page number, or {@code null} for the first page (see {@code io.github.orysession.manage.PageRequest}
     *        for why the library does not follow Kratos's {@code Link} header)
     * @param perPage sessions per page, or {@code null} for Kratos's default (250)
     * @return Kratos's answer, to be closed by the caller
     */
    @GET
    @Path("sessions")
    @Produces(MediaType.APPLICATION_JSON)
    Response listMySessions(@HeaderParam("X-Session-Token") String sessionToken,
                            @HeaderParam("Cookie") String cookie,
                            @QueryParam("page") Integer page,
                            @QueryParam("per_page") Integer perPage);

    /**
     * {@code DELETE /sessions}: revokes every session of the caller's identity except the current one; Kratos
     * answers {@code 200 {"count": n}}.
     *
     * @param sessionToken the session token, or {@code null}
     * @param cookie the session cookie(s) only, or {@code null}
     * @return Kratos's answer, to be closed by the caller
     */
    @DELETE
    @Path("sessions")
    @Produces(MediaType.APPLICATION_JSON)
    Response revokeMyOtherSessions(@HeaderParam("X-Session-Token") String sessionToken,
                                   @HeaderParam("Cookie") String cookie);

    /**
     * {@code DELETE /sessions/{id}}: revokes one of the caller's sessions ({@code 204}); the current one is refused
     * with {@code 400}.
     *
     * @param id the session id
     * @param sessionToken the session token, or {@code null}
     * @param cookie the session cookie(s) only, or {@code null}
     * @return Kratos's answer, to be closed by the caller
     */
    @DELETE
    @Path("sessions/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response revokeMySession(@PathParam("id") String id,
                             @HeaderParam("X-Session-Token") String sessionToken,
                             @HeaderParam("Cookie") String cookie);

    /**
     * {@code GET /self-service/logout/browser}: the logout URL for the browser session in the cookie(s), answered as
     * JSON ({@code logout_url}, {@code logout_token}) because the call asks for JSON.
     *
     * @param cookie the session cookie(s) only
     * @param returnTo where Kratos sends the browser after the logout (it checks the URL against its own
     *        {@code selfservice.allowed_return_urls}), or {@code null} for Kratos's default
     * @return Kratos's answer, to be closed by the caller
     */
    @GET
    @Path("self-service/logout/browser")
    @Produces(MediaType.APPLICATION_JSON)
    Response createBrowserLogoutFlow(@HeaderParam("Cookie") String cookie, @QueryParam("return_to") String returnTo);
}
