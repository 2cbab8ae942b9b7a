package io.github.orysession.example;

import io.github.orysession.model.IdentitySchema;

/**
 * The traits of the example's identity schema ({@code kratos/identity.schema.json}, schema id {@code default}), read
 * with {@code identity.traitsAs(PersonTraits.class)} or {@code @Inject @Traits PersonTraits}.
 *
 * @param email the email the user signs in with
 * @param name the name the user gave, or {@code null}
 */
@IdentitySchema("default")
public record PersonTraits(String email, String name) {
}
