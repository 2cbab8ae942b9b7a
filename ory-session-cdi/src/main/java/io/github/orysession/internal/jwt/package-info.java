/**
 * Internal, not part of the API: the beans of the optional JSON Web Token mapper ({@code ory.jwt.enabled}), the
 * {@code @Claim} producers and the server-verified token holder; see {@link io.github.orysession.jwt}.
 */
package io.github.orysession.internal.jwt;
