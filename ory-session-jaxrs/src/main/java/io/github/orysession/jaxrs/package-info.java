/**
 * The JAX-RS side: {@link io.github.orysession.jaxrs.AuthenticatedFeature} decides per resource method at
 * start-up whether a session is required and registers the request filter at {@code Priorities.AUTHENTICATION};
 * errors are answered by {@link io.github.orysession.jaxrs.ErrorResponses}. Nothing to register by hand: the
 * providers are found by the server's scan of the WAR.
 *
 * <pre>{@code
 * @GET @Path("me") @Authenticated
 * public String me(@Context SecurityContext security) {
 *     return security.getUserPrincipal().getName(); // the Kratos identity id
 * }
 * }</pre>
 */
package io.github.orysession.jaxrs;
