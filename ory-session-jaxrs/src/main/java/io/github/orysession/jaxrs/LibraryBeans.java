package io.github.orysession.jaxrs;

import jakarta.enterprise.inject.spi.CDI;

import io.github.orysession.browser.LoginRedirects;
import io.github.orysession.internal.cdi.RequestCredentials;
import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.internal.client.AugmentingLookup;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.CookieNames;
import io.github.orysession.internal.credentials.CredentialExtractor;
import io.github.orysession.internal.jwt.ServerVerifiedToken;
import io.github.orysession.internal.jwt.SessionTokens;

/**
 * The library's CDI beans the JAX-RS providers use. JAX-RS instantiates the providers itself, so they cannot be
 * injected: the public constructors look the beans up through {@code CDI.current()} once, on first use; the
 * request-scoped beans come back as client proxies, safe to keep and share across requests. The unit tests hand
 * the beans in instead ({@link #LibraryBeans(Beans)}).
 */
final class LibraryBeans {

    private volatile Beans beans;
    private volatile Boolean augmented;

    /**
     * The beans a provider needs.
     *
     * @param extractor reads credentials from headers
     * @param requestCredentials the request's credentials
     * @param resolver the request's session
     * @param sessionTokens the JSON Web Token mapper, or {@code null} when {@code ory.jwt.enabled} is off
     * @param serverVerifiedToken the token the server verified, or {@code null} when the mapper is off
     * @param loginRedirects where browsers are sent to sign in
     * @param cookieNames the session cookie names
     */
    record Beans(CredentialExtractor extractor, RequestCredentials requestCredentials, SessionResolver resolver,
                 SessionTokens sessionTokens, ServerVerifiedToken serverVerifiedToken,
                 LoginRedirects loginRedirects, CookieNames cookieNames) {
    }

    /** Looks the beans up through CDI on first use. */
    LibraryBeans() {
    }

    /** @param beans the beans to use, for tests without a CDI container */
    LibraryBeans(Beans beans) {
        this(beans, false);
    }

    /**
     * @param beans the beans to use, for tests without a CDI container
     * @param augmented whether the application has a {@code SessionAugmentor}
     */
    LibraryBeans(Beans beans, boolean augmented) {
        this.beans = beans;
        this.augmented = augmented;
    }

    CredentialExtractor extractor() {
        return beans().extractor();
    }

    RequestCredentials requestCredentials() {
        return beans().requestCredentials();
    }

    SessionResolver resolver() {
        return beans().resolver();
    }

    /** The JSON Web Token mapper, or {@code null} when {@code ory.jwt.enabled} is off. */
    SessionTokens sessionTokens() {
        return beans().sessionTokens();
    }

    /** Where the filter leaves the token the server verified, or {@code null} when {@code ory.jwt.enabled} is off. */
    ServerVerifiedToken serverVerifiedToken() {
        return beans().serverVerifiedToken();
    }

    /**
     * Whether the library enforces {@code @RolesAllowed}: with the JSON Web Token mapper on, or when the application
     * has a {@code SessionAugmentor} (whose roles are the point of having one).
     */
    boolean enforcesRoles() {
        if (sessionTokens() != null) {
            return true;
        }
        Boolean known = augmented;
        if (known == null) {
            known = CDI.current().select(AugmentingLookup.class).get().hasAugmentor();
            augmented = known;
        }
        return known;
    }

    /** Where browsers are sent to sign in, with the return URL allow-list. */
    LoginRedirects loginRedirects() {
        return beans().loginRedirects();
    }

    /** The session cookie names, the only cookies passed on from Kratos. */
    CookieNames cookieNames() {
        return beans().cookieNames();
    }

    private Beans beans() {
        Beans result = beans;
        if (result == null) {
            CDI<Object> cdi = CDI.current();
            result = new Beans(cdi.select(CredentialExtractor.class).get(),
                    cdi.select(RequestCredentials.class).get(), cdi.select(SessionResolver.class).get(),
                    optional(cdi, SessionTokens.class), optional(cdi, ServerVerifiedToken.class),
                    cdi.select(LoginRedirects.class).get(), cdi.select(OryConfig.class).get().cookieNames());
            beans = result;
        }
        return result;
    }

    private static <T> T optional(CDI<Object> cdi, Class<T> type) {
        return cdi.select(type).isResolvable() ? cdi.select(type).get() : null;
    }
}
