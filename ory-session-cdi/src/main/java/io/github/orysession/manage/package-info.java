/**
 * Session management as injectable beans: {@link io.github.orysession.manage.MySessions} for the current user's own
 * sessions (list the others, revoke one or all others, the browser logout URL, the token logout), with the request's
 * credentials, and {@link io.github.orysession.manage.SessionAdmin} for Kratos's admin API (get, extend, list and
 * revoke any identity's sessions). Results are typed ({@link io.github.orysession.manage.SessionPage},
 * {@link io.github.orysession.manage.LogoutFlow}, {@link io.github.orysession.model.Session}); Kratos's refusals are
 * {@link io.github.orysession.KratosApiException}s that keep its error body.
 *
 * <pre>{@code
 * @Path("sessions")
 * @Authenticated
 * public class SessionsResource {
 *     @Inject MySessions mySessions;
 *
 *     @GET
 *     public List<Session> others(@QueryParam("page_token") String token) {
 *         return mySessions.listOthers(PageRequest.of(20, token)).sessions();
 *     }
 *
 *     @DELETE
 *     public int signOutEverywhereElse() { return mySessions.revokeOthers(); }
 * }
 * }</pre>
 */
package io.github.orysession.manage;
