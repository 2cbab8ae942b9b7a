/**
 * Carrying the caller's identity to downstream services through MicroProfile REST clients: the application is the
 * entry point that turns Ory sessions into JSON Web Tokens for the services behind it, as Ory Oathkeeper's
 * {@code id_token} mutator does at a gateway.
 * <p>
 * Register {@link io.github.orysession.propagation.OryIdentityPropagation} on a REST client (or on all of them with
 * {@code ory.propagation.all-clients=true}), list the downstream services in {@code ory.propagation.allowed-urls},
 * and each call made while handling a request with a session carries the session's Kratos-signed JWT
 * ({@code ory.session.tokenize-as}) as {@code Authorization: Bearer}, or the caller's session token as
 * {@code X-Session-Token} ({@link io.github.orysession.propagation.PropagationMode#SESSION_TOKEN}) for a downstream
 * protected by this library. {@link io.github.orysession.propagation.PropagateIdentity} sets the mode per client or
 * method and can require the identity.
 *
 * <pre>{@code
 * # the edge's microprofile-config.properties
 * ory.session.tokenize-as=jwt_example
 * ory.propagation.allowed-urls=https://orders.internal.example.com
 *
 * @RegisterProvider(OryIdentityPropagation.class)
 * @PropagateIdentity(required = true)
 * public interface OrdersClient {
 *     @GET @Path("orders") JsonArray mine();                      // Authorization: Bearer <Kratos-signed JWT>
 *     @GET @Path("orders") CompletionStage<JsonArray> mineLater(); // the identity is taken when the call is made
 * }
 *
 * # the downstream's microprofile-config.properties (its server's own MicroProfile JWT)
 * mp.jwt.verify.publickey.location=https://auth.example.com/tokenizer.jwks.json
 * mp.jwt.verify.publickey.algorithm=ES256
 * mp.jwt.verify.issuer=https://auth.example.com/
 * mp.jwt.verify.audiences=orders
 * }</pre>
 * See {@code docs/propagation.md} for the whole picture.
 */
package io.github.orysession.propagation;
