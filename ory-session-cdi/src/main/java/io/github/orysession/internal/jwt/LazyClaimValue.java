package io.github.orysession.internal.jwt;

import java.util.function.Supplier;

import org.eclipse.microprofile.jwt.ClaimValue;

/**
 * A {@link ClaimValue} that reads the claim from the current request's token on every {@link #getValue()}.
 *
 * @param <T> the claim's type
 * @param name the claim name
 * @param value reads the claim
 */
record LazyClaimValue<T>(String name, Supplier<T> value) implements ClaimValue<T> {

    @Override
    public String getName() {
        return name;
    }

    @Override
    public T getValue() {
        return value.get();
    }

    @Override
    public String toString() {
        return "ClaimValue[" + name + "]";
    }
}
