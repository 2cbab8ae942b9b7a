package io.github.orysession.example.pages;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a state-changing page action (a {@code POST} from one of the example's own forms) that {@link SameOriginFilter}
 * refuses when the browser says the request came from another site (see {@link SameOriginCheck}).
 */
@NameBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface SameOrigin {
}
