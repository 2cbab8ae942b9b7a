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
 * Injects the current request's identity {@code metadata_public} as the application's own type, read as
 * {@link io.github.orysession.model.Identity#metadataPublicAs(Class)} reads it; where it may be injected is as for
 * {@link Traits}.
 *
 * <pre>{@code
 * @Inject @MetadataPublic Membership membership;   // record Membership(List<String> roles, String plan)
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface MetadataPublic {

    /** The qualifier as a value. */
    final class Literal extends AnnotationLiteral<MetadataPublic> implements MetadataPublic {
        /** The one value. */
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;

        private Literal() {
        }
    }
}
