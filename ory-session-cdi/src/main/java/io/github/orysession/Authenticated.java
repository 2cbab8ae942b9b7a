package io.github.orysession;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import io.github.orysession.model.AuthenticatorAssuranceLevel;

/**
 * Requires a valid, active Ory session, optionally of a minimum assurance level and a recent authentication.
 * <p>
 * On a JAX-RS resource class or method, the library's request filter checks the session before the
 * resource runs: no session is {@code 401} for an API client and a {@code 303} to Kratos's browser login for a
 * browser navigation; a session below {@link #aal()} or older than {@link #maxAgeSeconds()} is {@code 403}
 * (with {@code redirect_browser_to}) for an API client and a {@code 303} to the step-up or re-authentication
 * login for a browser. On any other CDI bean, the interceptor checks the same before the method runs and throws
 * {@link UnauthenticatedException}, {@link AssuranceLevelRequiredException} or
 * {@link ReauthenticationRequiredException}, which the JAX-RS module answers the same way. Either way Kratos is
 * asked at most once per request, plus once more only when a session fails the requirement (see
 * {@link SessionRequirement}). A method-level annotation wins over the class-level one.
 *
 * <pre>{@code
 * @Path("/transfers")
 * @Authenticated                                        // any session
 * public class TransferResource {
 *     @Inject OrySession session;
 *
 *     @POST
 *     @Authenticated(aal = AuthenticatorAssuranceLevel.AAL2, maxAgeSeconds = 300)  // second factor, signed in within 5 min
 *     public void transfer(Transfer t) { ... }
 * }
 * }</pre>
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface Authenticated {

    /** The value of {@link #maxAgeSeconds()} that sets no maximum age. */
    long NO_MAX_AGE = -1;

    /**
     * The lowest assurance level the session must have: {@code AAL1} (one factor, the default) or {@code AAL2}
     * (a second factor such as TOTP). Any other value fails the deployment.
     */
    @Nonbinding
    AuthenticatorAssuranceLevel aal() default AuthenticatorAssuranceLevel.AAL1;

    /**
     * The longest time, in seconds, since the user last proved who they are (the session's
     * {@code authenticated_at}); an older session must sign in again ({@code refresh=true}).
     * {@link #NO_MAX_AGE} (the default) sets no limit; {@code 0} and other negative values fail the deployment.
     */
    @Nonbinding
    long maxAgeSeconds() default NO_MAX_AGE;

    /** The annotation as a value, for programmatic lookups. */
    final class Literal extends AnnotationLiteral<Authenticated> implements Authenticated {
        /** Any session: the defaults. */
        public static final Literal INSTANCE = new Literal(AuthenticatorAssuranceLevel.AAL1, NO_MAX_AGE);
        private static final long serialVersionUID = 1L;

        private final AuthenticatorAssuranceLevel aal;
        private final long maxAgeSeconds;

        private Literal(AuthenticatorAssuranceLevel aal, long maxAgeSeconds) {
            this.aal = aal;
            this.maxAgeSeconds = maxAgeSeconds;
        }

        /**
         * @param aal the lowest assurance level
         * @param maxAgeSeconds the longest time since the last authentication, or {@link #NO_MAX_AGE}
         * @return the annotation value
         */
        public static Literal of(AuthenticatorAssuranceLevel aal, long maxAgeSeconds) {
            return new Literal(aal, maxAgeSeconds);
        }

        @Override
        public AuthenticatorAssuranceLevel aal() {
            return aal;
        }

        @Override
        public long maxAgeSeconds() {
            return maxAgeSeconds;
        }
    }
}
