package io.github.orysession.internal.jwt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.jwt.SessionJsonWebToken;

/**
 * Decides which token the current request has, in this order:
 * <ol>
 * <li>a JWT the <em>server's own</em> MicroProfile JWT implementation verified (an application with
 * {@code @LoginConfig(authMethod = "MP-JWT")} that was sent a signed bearer token): the server's token;</li>
 * <li>an Ory session: its {@link SessionJsonWebToken} (Kratos is asked at most once per request);</li>
 * <li>neither: an anonymous token without name or claims.</li>
 * </ol>
 * The server's token is the one the entry point found the server had authenticated the request with (see
 * {@link ServerVerifiedToken}, also for why the server is not asked directly).
 */
@ApplicationScoped
public class CurrentToken {

    private final ServerVerifiedToken server;
    private final SessionResolver resolver;
    private final SessionTokens tokens;

    /** For the CDI proxy only. */
    protected CurrentToken() {
        this.server = null;
        this.resolver = null;
        this.tokens = null;
    }

    /**
     * @param server the token the server itself verified for the current request, if any
     * @param resolver the request's session
     * @param tokens turns the session into a token
     */
    @Inject
    public CurrentToken(ServerVerifiedToken server, SessionResolver resolver, SessionTokens tokens) {
        this.server = server;
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
        return server.get().orElseGet(() -> {
            WhoamiResult verdict = resolver.result();
            return verdict.session() == null ? AnonymousJsonWebToken.INSTANCE : tokens.tokenFor(verdict);
        });
    }
}
