/**
 * The JAX-RS entry point. {@link io.github.orysession.jaxrs.SessionCredentialsFilter} reads the session credentials
 * before JAX-RS matches the request (so that sub-resource locators see them);
 * {@link io.github.orysession.jaxrs.AuthenticatedFeature} decides per resource method at start-up whether a session
 * is required and registers the request filter at {@code Priorities.AUTHENTICATION}, which also applies what the
 * sub-resource locators the request went through ask;
 * {@link io.github.orysession.jaxrs.RolesAllowedFeature} enforces {@code @RolesAllowed} with the JSON Web Token
 * mapper; {@link io.github.orysession.jaxrs.OrySessionExceptionMapper} answers the library's exceptions thrown inside
 * a resource. The four are found by the server's scan of the WAR; an {@code Application} that lists its classes
 * itself ({@code getClasses()}) must list these four too. Everything else here is package-private.
 *
 * <pre>{@code
 * @GET @Path("me") @Authenticated
 * public String me(@Context SecurityContext security) {
 *     return security.getUserPrincipal().getName(); // the Kratos identity id
 * }
 * }</pre>
 */
package io.github.orysession.jaxrs;
