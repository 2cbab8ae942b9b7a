package io.github.orysession.internal.client;

import java.util.List;

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
 * The session part of Kratos's admin API, as a MicroProfile REST client interface, built by {@link RestClients}
 * against {@code ory.kratos.admin-url}. Every method takes the {@code Authorization} header value: {@code Bearer}
 * and the Ory Network API key, or {@code null} for a self-hosted Kratos, whose admin API has no authentication.
 * Methods return the raw {@link Response}; the caller decides what each status means.
 * <p>
 * The extension ({@code PATCH /admin/sessions/{id}/extend}) is not here: Payara's REST client cannot send
 * {@code PATCH} without a reflective workaround; {@code io.github.orysession.manage} makes that call with the JDK's
 * HTTP client.
 * <p>
 * No type-level {@code @Path}, as in {@link KratosPublicApi}: a runtime scanning the application's libraries must not
 * take this for a resource at {@code /admin}.
 */
public interface KratosAdminApi {

    /**
     * {@code GET /admin/sessions/{id}}.
     *
     * @param authorization {@code Bearer <api key>}, or {@code null}
     * @param id the session id
     * @param expand what to include: {@code identity}, {@code devices}
     * @return Kratos's answer, to be closed by the caller
     */
    @GET
    @Path("admin/sessions/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response getSession(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                        @QueryParam("expand") List<String> expand);

    /**
     * {@code DELETE /admin/sessions/{id}}: deactivates the session ({@code 204}).
     *
     * @param authorization {@code Bearer <api key>}, or {@code null}
     * @param id the session id
     * @return Kratos's answer, to be closed by the caller
     */
    @DELETE
    @Path("admin/sessions/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response disableSession(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /**
     * {@code GET /admin/identities/{id}/sessions}: an identity's sessions, newest first, paginated like
     * {@link KratosPublicApi#listMySessions} ({@code page}, {@code per_page}, {@code X-Total-Count}).
     *
     * @param authorization {@code Bearer <api key>}, or {@code null}
     * @param identityId the identity id
     * @param active {@code true} for active sessions only, {@code false} for inactive ones only, {@code null} for all
     * @param page the page number, or {@code null} for the first page
     * @param perPage sessions per page, or {@code null}
     * @return Kratos's answer, to be closed by the caller
     */
    @GET
    @Path("admin/identities/{id}/sessions")
    @Produces(MediaType.APPLICATION_JSON)
    Response listIdentitySessions(@HeaderParam("Authorization") String authorization, @PathParam("id") String identityId,
                                  @QueryParam("active") Boolean active, @QueryParam("page") Integer page,
                                  @QueryParam("per_page") Integer perPage);

    /**
     * {@code DELETE /admin/identities/{id}/sessions}: deletes every session of the identity ({@code 204}; {@code 404}
     * when it has none).
     *
     * @param authorization {@code Bearer <api key>}, or {@code null}
     * @param identityId the identity id
     * @return Kratos's answer, to be closed by the caller
     */
    @DELETE
    @Path("admin/identities/{id}/sessions")
    @Produces(MediaType.APPLICATION_JSON)
    Response deleteIdentitySessions(@HeaderParam("Authorization") String authorization,
                                    @PathParam("id") String identityId);
}
