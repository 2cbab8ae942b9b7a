package io.github.orysession.jwt;

import java.security.Principal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
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
 * The server's token is its caller principal (CDI's built-in {@code Principal} bean), which MicroProfile JWT
 * implementations make the verified {@code JsonWebToken}. The servers' own {@code JsonWebToken} beans are not
 * asked: Payara's casts the caller to its own type and Open Liberty's logs an error on every request without one.
 */
@ApplicationScoped
public class CurrentToken {

    private final Instance<Principal> caller;
    private final SessionResolver resolver;
    private final SessionTokens tokens;

    /** For the CDI proxy only. */
    protected CurrentToken() {
        this.caller = null;
        this.resolver = null;
        this.tokens = null;
    }

    /**
     * @param caller the server's caller principal
     * @param resolver the request's session
     * @param tokens turns the session into a token
     */
    @Inject
    public CurrentToken(Instance<Principal> caller, SessionResolver resolver, SessionTokens tokens) {
        this.caller = caller;
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
        try {
            Principal principal = caller.isResolvable() ? caller.get() : null;
            if (principal instanceof JsonWebToken token && !(principal instanceof SessionJsonWebToken)
                    && token.getRawToken() != null) {
                return token;
            }
        } catch (RuntimeException noCallerHere) {
            // Outside a web request, or a CDI container without security services: no server-verified token.
        }
        return null;
    }
}
