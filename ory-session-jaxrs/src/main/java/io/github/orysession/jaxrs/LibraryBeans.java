package io.github.orysession.jaxrs;

import jakarta.enterprise.inject.spi.CDI;

import io.github.orysession.browser.LoginRedirects;
import io.github.orysession.internal.cdi.RequestCredentials;
import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.CookieNames;
import io.github.orysession.internal.credentials.CredentialExtractor;
import io.github.orysession.internal.jwt.ServerVerifiedToken;
import io.github.orysession.internal.jwt.SessionTokens;

/**
 * Looks up the library's CDI beans once, on first use. JAX-RS instantiates the filter itself, so it cannot
 * be injected; the request-scoped beans come back as client proxies, safe to keep and share across requests.
 */
final class LibraryBeans {

    private volatile Resolved resolved;

    private record Resolved(CredentialExtractor extractor, RequestCredentials requestCredentials, SessionResolver resolver,
                            SessionTokens sessionTokens, ServerVerifiedToken serverVerifiedToken,
                            LoginRedirects loginRedirects, CookieNames cookieNames) {
    }

    CredentialExtractor extractor() {
        return resolved().extractor();
    }

    RequestCredentials requestCredentials() {
        return resolved().requestCredentials();
    }

    SessionResolver resolver() {
        return resolved().resolver();
    }

    /** The JSON Web Token mapper, or {@code null} when {@code ory.jwt.enabled} is off. */
    SessionTokens sessionTokens() {
        return resolved().sessionTokens();
    }

    /** Where the filter leaves the token the server verified, or {@code null} when {@code ory.jwt.enabled} is off. */
    ServerVerifiedToken serverVerifiedToken() {
        return resolved().serverVerifiedToken();
    }

    /** Where browsers are sent to sign in, with the return URL allow-list. */
    LoginRedirects loginRedirects() {
        return resolved().loginRedirects();
    }

    /** The session cookie names, the only cookies passed on from Kratos. */
    CookieNames cookieNames() {
        return resolved().cookieNames();
    }

    private Resolved resolved() {
        Resolved result = resolved;
        if (result == null) {
            CDI<Object> cdi = CDI.current();
            result = new Resolved(cdi.select(CredentialExtractor.class).get(),
                    cdi.select(RequestCredentials.class).get(), cdi.select(SessionResolver.class).get(),
                    optional(cdi, SessionTokens.class), optional(cdi, ServerVerifiedToken.class),
                    cdi.select(LoginRedirects.class).get(), cdi.select(OryConfig.class).get().cookieNames());
            resolved = result;
        }
        return result;
    }

    private static <T> T optional(CDI<Object> cdi, Class<T> type) {
        return cdi.select(type).isResolvable() ? cdi.select(type).get() : null;
    }
}
