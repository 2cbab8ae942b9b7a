package io.github.orysession.internal.client;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value made on first use, once, however many threads ask: the library's REST clients are built lazily (building
 * one at deployment would contact nothing, but would fail the deployment on a server whose REST client needs a
 * request scope) and shared afterwards.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> factory;
    private volatile T value;

    /**
     * @param factory makes the value; called at most once
     */
    public Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = factory.get();
                    value = result;
                }
            }
        }
        return result;
    }

    /** The value, when it has been made; never makes it. */
    public Optional<T> ifMade() {
        return Optional.ofNullable(value);
    }
}
