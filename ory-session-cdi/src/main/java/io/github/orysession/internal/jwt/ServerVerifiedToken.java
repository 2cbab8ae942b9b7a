package io.github.orysession.internal.jwt;

import java.security.Principal;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.github.orysession.jwt.SessionJsonWebToken;

/**
 * The JSON Web Token the <em>server's own</em> MicroProfile JWT implementation verified for the current request, if
 * any: an application with {@code @LoginConfig(authMethod = "MP-JWT")} that was sent a signed bearer token. The
 * entry point (the JAX-RS filter of {@code ory-session-jaxrs}) offers it the principal the server authenticated the
 * request with, which MicroProfile JWT implementations make the verified token (Payara's {@code JsonWebTokenImpl},
 * Open Liberty's {@code DefaultJsonWebTokenImpl}). Request-scoped, so it never leaks between requests; a bean only
 * when {@code ory.jwt.enabled=true}.
 * <p>
 * Why not ask the server another way: CDI's built-in {@code Principal} bean is not the token on Payara, and on Open
 * Liberty it and Liberty's {@code JsonWebToken} bean log an error on every request without one; the servlet request
 * is out of reach on Open Liberty without its {@code servlet} feature.
 */
@RequestScoped
public class ServerVerifiedToken {

    private JsonWebToken token;

    /**
     * @param caller the principal the server authenticated the current request with, or {@code null}; kept only when
     *               it is a signed token the server verified (one with a raw token), never the library's own
     */
    public void offer(Principal caller) {
        token = isServerVerified(caller) ? (JsonWebToken) caller : null;
    }

    /**
     * Whether a caller is a signed token the server verified: what {@link #offer(Principal)} keeps. An entry point
     * asks first and offers only such a caller, so that a request without one (nearly every request) does not make
     * this request-scoped bean at all.
     *
     * @param caller the principal the server authenticated the current request with, or {@code null}
     * @return {@code true} for a server-verified token with its raw token, never for the library's own
     */
    public static boolean isServerVerified(Principal caller) {
        return caller instanceof JsonWebToken jwt && !(caller instanceof SessionJsonWebToken) && jwt.getRawToken() != null;
    }

    /** @return the server-verified token of the current request, empty when the server verified none */
    public Optional<JsonWebToken> get() {
        return Optional.ofNullable(token);
    }
}
