package io.github.orysession.security;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Turns on the Jakarta Security authentication mechanism that trusts Ory sessions, the way
 * {@code @BasicAuthenticationMechanismDefinition} turns on Basic authentication: put it on one CDI bean of the
 * application (with {@code bean-discovery-mode="annotated"}, a class with a bean-defining annotation such as
 * {@code @ApplicationScoped}). Without it the library installs no mechanism and nothing changes.
 * <p>
 * The mechanism then authenticates every request from its Ory session cookie or session token, checked with Kratos
 * through the library's session cache, at most one whoami call per request also when a request goes on to an
 * {@code @Authenticated} JAX-RS resource:
 * <ul>
 * <li>a request with a session Kratos vouches for has a caller: {@code SecurityContext.getCallerPrincipal()} and
 * {@code HttpServletRequest.getUserPrincipal()} name the identity id (an {@link io.github.orysession.IdentityPrincipal},
 * or a {@link io.github.orysession.jwt.SessionJsonWebToken} with {@code ory.jwt.enabled=true}), and its groups, read
 * from {@code ory.jwt.groups-pointer} ({@code /metadata_public/roles} by default), are its roles for web.xml
 * {@code <auth-constraint>}s, {@code @RolesAllowed} on enterprise beans, {@code isCallerInRole} and
 * {@code isUserInRole};</li>
 * <li>a resource under a {@code <security-constraint>} (or {@code @ServletSecurity}), or a URL matched by one of
 * {@link #requirements()}, without a session that meets what it needs: a browser navigating to it is sent to Kratos's
 * login with an allow-listed {@code return_to} ({@code 303}), any other request gets the library's {@code 401} (or
 * {@code 403} for a step-up) JSON body; Kratos unreachable, rate-limiting or answering garbage is {@code 503},
 * {@code 429} or {@code 502}, never let through;</li>
 * <li>any other resource is open to anonymous callers as before; with a credential Kratos vouches for, it still sees the
 * caller.</li>
 * </ul>
 * Nothing is kept in an HTTP session: every request is verified (through the cache), so a session revoked through the
 * library is refused at the next request.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @OrySessionMechanismDefinition(requirements = {
 *         @UrlRequirement(urlPatterns = "/account/security.xhtml", aal = AuthenticatorAssuranceLevel.AAL2),
 *         @UrlRequirement(urlPatterns = {"/payments/*", "*.export"}, maxAgeSeconds = 300)})
 * public class Security {
 * }
 * }</pre>
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
public @interface OrySessionMechanismDefinition {

    /**
     * What the session must have on chosen URLs beyond being valid: a second factor, a recent sign-in. A URL matched
     * here needs a session that meets every requirement that matches it, whether or not a security constraint
     * protects it; invalid patterns or attributes fail the deployment.
     */
    UrlRequirement[] requirements() default {};
}
