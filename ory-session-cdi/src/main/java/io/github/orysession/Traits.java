package io.github.orysession;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Injects the current request's identity traits as the application's own type, read as
 * {@link io.github.orysession.model.Identity#traitsAs(Class)} reads them.
 * <p>
 * The value is read when the bean is created, so inject it into {@code @RequestScoped} or {@code @Dependent} beans
 * (such as JAX-RS resources), or inject {@code Instance<T>} and call {@code get()} per request; a direct injection
 * into an application-scoped bean fails the deployment, since it would keep the first request's traits. In a request
 * without a session, creating the bean throws {@link UnauthenticatedException} (401), so use it where
 * {@link Authenticated} holds.
 *
 * <pre>{@code
 * @Path("profile") @RequestScoped @Authenticated
 * public class ProfileResource {
 *     @Inject @Traits Person person;   // record Person(String email, String name)
 *
 *     @GET public String name() { return person.name(); }
 * }
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface Traits {

    /** The qualifier as a value. */
    final class Literal extends AnnotationLiteral<Traits> implements Traits {
        /** The one value. */
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;

        private Literal() {
        }
    }
}
