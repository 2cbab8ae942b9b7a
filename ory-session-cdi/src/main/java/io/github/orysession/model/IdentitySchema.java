package io.github.orysession.model;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The identity schemas ({@code schema_id}) whose traits or public metadata a type describes.
 * <p>
 * On a type read with {@link Identity#traitsAs(Class)} (or injected with {@code @Traits}), an identity of another
 * schema is refused with an {@link IdentityMappingException} instead of being read into the wrong shape. When the
 * projects' schemas differ, make the type asked for a {@code sealed} interface whose permitted records each carry
 * this annotation: the identity's {@code schema_id} picks the record.
 *
 * <pre>{@code
 * public sealed interface Person permits Customer, Employee { String email(); }
 *
 * @IdentitySchema("customer")
 * public record Customer(String email, String loyaltyNumber) implements Person { }
 *
 * @IdentitySchema("employee")
 * public record Employee(String email, String department) implements Person { }
 *
 * Person person = session.identity().traitsAs(Person.class); // a Customer or an Employee
 * }</pre>
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
public @interface IdentitySchema {

    /** The schema ids, such as {@code default} or {@code customer}. */
    String[] value();
}
