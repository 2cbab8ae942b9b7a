package io.github.orysession;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

/**
 * Requires a valid, active Ory session.
 * <p>
 * On a JAX-RS resource class or method, the library's request filter checks the session before the
 * resource runs and answers {@code 401} when there is none. On any other CDI bean, the interceptor
 * checks it before the method runs and throws {@link UnauthenticatedException}. Either way Kratos is
 * asked at most once per request.
 *
 * <pre>{@code
 * @Path("/me")
 * @Authenticated
 * public class MeResource {
 *     @Inject OrySession session;
 *
 *     @GET
 *     public String me() { return session.identity().id(); }
 * }
 * }</pre>
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface Authenticated {

    /** The annotation as a value, for programmatic lookups. */
    final class Literal extends AnnotationLiteral<Authenticated> implements Authenticated {
        /** The single instance. */
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;

        private Literal() {
        }
    }
}
