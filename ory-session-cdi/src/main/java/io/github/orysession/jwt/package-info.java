/**
 * The optional JSON Web Token mapper: the Ory session as a MicroProfile {@link org.eclipse.microprofile.jwt.JsonWebToken}.
 * <p>
 * Off by default. With {@code ory.jwt.enabled=true}, {@code @Inject JsonWebToken}, {@code @Inject @Claim(...)} and,
 * in the JAX-RS module, {@code SecurityContext.getUserPrincipal()} give a {@link io.github.orysession.jwt.SessionJsonWebToken}
 * built from the session, whose {@code groups} (from {@code ory.jwt.groups-pointer}, default {@code /metadata_public/roles})
 * are the caller's roles for {@code isUserInRole} and {@code @RolesAllowed}.
 *
 * <pre>{@code
 * # microprofile-config.properties
 * ory.jwt.enabled=true
 * ory.jwt.groups-pointer=/metadata_public/roles
 *
 * @Path("orders") @RequestScoped @Authenticated
 * public class Orders {
 *     @Inject JsonWebToken jwt;                       // sub = identity id, sid = session id, groups = roles
 *     @Inject @Claim(standard = Claims.email) String email;
 *
 *     @GET @RolesAllowed("admin")                     // 403 without the role, 401 without a session
 *     public String all() { return jwt.getSubject() + " " + email; }
 * }
 * }</pre>
 * The beans are CDI alternatives enabled by priority: they win over the server's own MicroProfile JWT beans
 * (no ambiguity), and hand out the server's own token on requests whose signed bearer JWT the server verified
 * (applications that also use {@code @LoginConfig(authMethod = "MP-JWT")}).
 */
package io.github.orysession.jwt;
