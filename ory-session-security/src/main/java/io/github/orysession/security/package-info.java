/**
 * Jakarta Security for Ory sessions: {@link io.github.orysession.security.OrySessionMechanismDefinition} turns on an
 * {@code HttpAuthenticationMechanism} that authenticates every request from its Ory session, so that Servlets, Faces
 * pages, static files behind a {@code <security-constraint>}, {@code @RolesAllowed} enterprise beans and
 * {@code SecurityContext} all see the Ory identity; {@link io.github.orysession.security.UrlRequirement} asks chosen
 * URLs for a second factor or a recent sign-in.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @OrySessionMechanismDefinition(requirements =
 *         @UrlRequirement(urlPatterns = "/account/security.xhtml", aal = AuthenticatorAssuranceLevel.AAL2))
 * public class Security {
 * }
 *
 * // web.xml: any signed-in caller for /account/*, the "admin" role (metadata_public.roles) for /admin/*
 * <security-constraint>
 *     <web-resource-collection><url-pattern>/account/*</url-pattern></web-resource-collection>
 *     <auth-constraint><role-name>**</role-name></auth-constraint>
 * </security-constraint>
 *
 * @Stateless
 * public class Reports {
 *     @RolesAllowed("admin")
 *     public Report monthly() { ... }
 * }
 * }</pre>
 */
package io.github.orysession.security;
