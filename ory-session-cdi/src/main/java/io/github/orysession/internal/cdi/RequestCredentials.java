package io.github.orysession.internal.cdi;

import jakarta.enterprise.context.RequestScoped;

import io.github.orysession.internal.credentials.Credentials;

/**
 * Holds the current request's credentials. The entry point (the JAX-RS filter of {@code ory-session-jaxrs})
 * fills it; the session resolver reads it. Request-scoped, so it never leaks between requests.
 */
@RequestScoped
public class RequestCredentials {

    private Credentials credentials = Credentials.none();

    /**
     * @param credentials what the current request offered
     */
    public void set(Credentials credentials) {
        this.credentials = credentials == null ? Credentials.none() : credentials;
    }

    /** What the current request offered, {@link Credentials#none()} if nothing or if no entry point set it. */
    public Credentials get() {
        return credentials;
    }
}
