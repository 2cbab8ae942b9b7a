/**
 * Internal, not part of the API: how {@link io.github.orysession.propagation.OryIdentityPropagation} decides what an
 * outgoing REST client call carries. {@link io.github.orysession.internal.propagation.IdentityCapture} takes the
 * caller's identity on the request thread, {@link io.github.orysession.internal.propagation.AsyncCaptures} carries it
 * to the thread of an asynchronous call, {@link io.github.orysession.internal.propagation.Propagation} decides (the
 * allow-list, the client's policy, the JWT's expiry), and
 * {@link io.github.orysession.internal.propagation.PropagationFilter} applies the decision.
 */
package io.github.orysession.internal.propagation;
