package io.github.orysession.security;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.orysession.Authenticated;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

/**
 * What a session must have for the URLs that match {@link #urlPatterns()}: the counterpart, for pages and servlets,
 * of {@code @Authenticated(aal = ..., maxAgeSeconds = ...)} on a JAX-RS resource. Used only inside
 * {@link OrySessionMechanismDefinition#requirements()}.
 * <p>
 * A session that falls short is checked with Kratos once more (a cached session may predate a step-up); then a browser
 * is sent to Kratos's login with {@code aal=aal2} or {@code refresh=true} and the page as {@code return_to}, and any
 * other request gets {@code 403} with {@code redirect_browser_to}, exactly as for JAX-RS. Kratos's own
 * {@code session_aal2_required} is answered the same way.
 *
 * <pre>{@code
 * @UrlRequirement(urlPatterns = {"/admin/*", "/account/security.xhtml"}, aal = AuthenticatorAssuranceLevel.AAL2, maxAgeSeconds = 600)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface UrlRequirement {

    /**
     * Servlet URL patterns, matched against the request's path inside the application (its servlet path and path
     * info): an exact path ({@code /account.xhtml}), a path prefix ({@code /admin/*}, which also matches
     * {@code /admin} itself; {@code /*} is every URL) or an extension ({@code *.pdf}). At least one.
     */
    String[] urlPatterns();

    /** The lowest assurance level: {@code AAL1} (the default) or {@code AAL2}; any other fails the deployment. */
    AuthenticatorAssuranceLevel aal() default AuthenticatorAssuranceLevel.AAL1;

    /**
     * The longest time, in seconds, since the user last signed in; {@link Authenticated#NO_MAX_AGE} (the default) for
     * no limit. Zero and other negative values fail the deployment.
     */
    long maxAgeSeconds() default Authenticated.NO_MAX_AGE;
}
