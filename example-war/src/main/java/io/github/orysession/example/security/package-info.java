/**
 * The example's Jakarta Security side: Faces pages ({@code account.xhtml}, {@code admin.xhtml},
 * {@code second-factor.xhtml}) and servlets ({@code /servlet/me}, {@code /servlet/admin}) protected by
 * {@code WEB-INF/web.xml}'s security constraints rather than by {@code @Authenticated}, an enterprise bean with
 * {@code @RolesAllowed("admin")}, and {@link io.github.orysession.example.security.SecurityDefinition}, which turns
 * the library's mechanism on.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @OrySessionMechanismDefinition(requirements =
 *         @UrlRequirement(urlPatterns = "/second-factor.xhtml", aal = AuthenticatorAssuranceLevel.AAL2))
 * public class SecurityDefinition {
 * }
 * }</pre>
 */
package io.github.orysession.example.security;
