package io.github.orysession;

import io.github.orysession.model.Session;

/**
 * Adds the application's own roles and attributes to a session Kratos vouched for, from the application's own data:
 * implement it as a CDI bean (at most one), and the library calls it once per session cache fill, not per request.
 * <p>
 * What it returns is kept with the session in the session cache, for as long as the session is (in a cluster with
 * the shared cache, for every instance), and applies everywhere the library has roles: {@link OrySession#roles()},
 * {@code SecurityContext.isUserInRole}, {@code @RolesAllowed} on JAX-RS resources (which the library enforces when an
 * augmentor exists, as it does with the JSON Web Token mapper on), and the JSON Web Token mapper's {@code groups}; the
 * roles add to those of {@code ory.jwt.groups-pointer}. Roles granted or withdrawn in the application's data apply
 * from the next cache fill: at most the cache TTL later, or at once after
 * {@code SessionAdmin.forgetCachedSessions(identityId)}.
 * <p>
 * It fails closed: an exception, or {@code null}, fails the request with {@code 503}
 * ({@link SessionAugmentationException}, reason {@code augmentation_failed}); the request is never let through
 * anonymous or without the roles, and nothing is cached, so the next request calls it again. It must depend only on
 * the session it is given, not on the request (it serves every request with this session until the cache entry
 * expires), and must not use {@link OrySession}: it is called while that session is being resolved.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class TeamRoles implements SessionAugmentor {
 *     @Inject TeamRepository teams;
 *
 *     @Override
 *     public Augmentation augment(Session session) {
 *         Team team = teams.ofIdentity(session.identity().id());
 *         return Augmentation.roles(team.roles()).withAttribute("team", team.name());
 *     }
 * }
 * }</pre>
 */
public interface SessionAugmentor {

    /**
     * @param session a usable session Kratos has just vouched for
     * @return the roles and attributes to add; {@link Augmentation#NONE} for none, never {@code null}
     * @throws Exception when the application's data cannot be read: the request is answered with {@code 503}
     */
    Augmentation augment(Session session) throws Exception;
}
