package io.github.orysession.internal.jwt;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Produces {@code @Inject JsonWebToken} when the mapper is on. It is an alternative enabled by its priority, so
 * when the server's own MicroProfile JWT implementation also produces a {@code JsonWebToken} bean (Payara does
 * for {@code @LoginConfig(authMethod = "MP-JWT")} applications, Open Liberty with its {@code mpJwt} feature),
 * this one is chosen and injection is never ambiguous; it hands out the server's token whenever the server
 * verified one (see {@link CurrentToken}).
 */
@Alternative
@Priority(Interceptor.Priority.LIBRARY_AFTER + 500)
@ApplicationScoped
public class JsonWebTokenProducer {

    private final CurrentToken current;

    /** For the CDI proxy only. */
    protected JsonWebTokenProducer() {
        this.current = null;
    }

    /**
     * @param current decides the request's token
     */
    @Inject
    public JsonWebTokenProducer(CurrentToken current) {
        this.current = current;
    }

    /** @return the current request's token, anonymous when it has none */
    @Produces
    @RequestScoped
    @Typed(JsonWebToken.class)
    public JsonWebToken jsonWebToken() {
        return current.get();
    }
}
