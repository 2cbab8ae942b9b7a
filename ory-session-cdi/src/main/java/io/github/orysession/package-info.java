/**
 * The API an application uses: {@link io.github.orysession.Authenticated} to require an Ory session,
 * {@link io.github.orysession.OrySession} to read it, and the exceptions that say why there is none.
 *
 * <pre>{@code
 * @Path("orders")
 * @Authenticated
 * public class OrdersResource {
 *     @Inject OrySession session;
 *
 *     @GET
 *     public List<Order> mine() { return orders.of(session.identityId()); }
 * }
 * }</pre>
 */
package io.github.orysession;
