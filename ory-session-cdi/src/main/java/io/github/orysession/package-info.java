/**
 * The API an application uses: {@link io.github.orysession.Authenticated} to require an Ory session (optionally a
 * second factor and a recent sign-in), {@link io.github.orysession.OrySession} to read it, and the exceptions that
 * say why there is none ({@link io.github.orysession.UnauthenticatedException}) or why it is not enough
 * ({@link io.github.orysession.AssuranceLevelRequiredException},
 * {@link io.github.orysession.ReauthenticationRequiredException}).
 *
 * <pre>{@code
 * @Path("orders")
 * @Authenticated
 * public class OrdersResource {
 *     @Inject OrySession session;
 *
 *     @GET
 *     public List<Order> mine() { return orders.of(session.identityId()); }
 *
 *     @DELETE @Path("{id}")
 *     @Authenticated(aal = AuthenticatorAssuranceLevel.AAL2, maxAgeSeconds = 300)
 *     public void cancel(@PathParam("id") String id) { orders.cancel(session.identityId(), id); }
 * }
 * }</pre>
 */
package io.github.orysession;
