package io.github.orysession.jwt;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.github.orysession.cdi.SessionResolver;

/**
 * Decides which token the current request has, in this order:
 * <ol>
 * <li>a JWT the <em>server's own</em> MicroProfile JWT implementation verified (an application with
 * {@code @LoginConfig(authMethod = "MP-JWT")} that was sent a signed bearer token): the server's token;</li>
 * <li>an Ory session: its {@link SessionJsonWebToken} (Kratos is asked at most once per request);</li>
 * <li>neither: an anonymous token without name or claims.</li>
 * </ol>
 * The server's token is found through its own {@code JsonWebToken} bean, whichever server provides it.
 */
@ApplicationScoped
public class CurrentToken {

    private final BeanManager beanManager;
    private final SessionResolver resolver;
    private final SessionTokens tokens;

    /** For the CDI proxy only. */
    protected CurrentToken() {
        this.beanManager = null;
        this.resolver = null;
        this.tokens = null;
    }

    /**
     * @param beanManager to find the server's own token bean
     * @param resolver the request's session
     * @param tokens turns the session into a token
     */
    @Inject
    public CurrentToken(BeanManager beanManager, SessionResolver resolver, SessionTokens tokens) {
        this.beanManager = beanManager;
        this.resolver = resolver;
        this.tokens = tokens;
    }

    /**
     * The current request's token, never {@code null}.
     *
     * @return the token
     * @throws io.github.orysession.OrySessionException when Kratos could not be asked about the session
     */
    public JsonWebToken get() {
        JsonWebToken server = serverVerifiedToken();
        if (server != null) {
            return server;
        }
        return resolver.result().sessionIfAny().map(tokens::tokenFor).orElse(AnonymousJsonWebToken.INSTANCE);
    }

    private JsonWebToken serverVerifiedToken() {
        Set<Bean<?>> beans = beanManager.getBeans(JsonWebToken.class);
        for (Bean<?> bean : beans) {
            if (bean.getBeanClass() == JsonWebTokenProducer.class) {
                continue;
            }
            try {
                JsonWebToken token = (JsonWebToken) beanManager.getReference(bean, JsonWebToken.class,
                        beanManager.createCreationalContext(bean));
                if (token != null && token.getRawToken() != null) {
                    return token;
                }
            } catch (RuntimeException noTokenOnThisRequest) {
                // The server's producer has nothing for this request (some throw instead of answering empty).
            }
        }
        return null;
    }
}
