package io.github.orysession.internal.cdi;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import io.github.orysession.internal.credentials.Credentials;

/** Runs code in a fresh request context with the given credentials, as the JAX-RS filter would set them. */
@ApplicationScoped
public class RequestRunner {

    @Inject
    RequestCredentials requestCredentials;

    @ActivateRequestContext
    public <T> T inRequest(Credentials credentials, Supplier<T> work) {
        requestCredentials.set(credentials);
        return work.get();
    }
}
