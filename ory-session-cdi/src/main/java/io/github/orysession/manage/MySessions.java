package io.github.orysession.manage;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.github.orysession.InvalidRequestException;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.internal.cache.SessionCache;
import io.github.orysession.internal.cdi.RequestCredentials;
import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.manage.Ids;
import io.github.orysession.internal.manage.KratosFrontendClient;
import io.github.orysession.model.Session;

/**
 * The current user's own sessions, managed through Kratos's public API with the current request's credentials (its
 * session token, or its session cookies and no other cookie), never with anyone else's.
 * <p>
 * Listing and revoking need a session the library accepts (the same whoami check as {@code @Authenticated}, asked at
 * most once per request), otherwise {@link UnauthenticatedException}. The two logouts do not: a user whose session
 * falls short of an assurance-level requirement can still log out. Kratos failures are thrown as in the rest of the
 * library ({@code 503}, {@code 429}, {@code 502}), Kratos's refusals as {@link io.github.orysession.KratosApiException}
 * with its error body. After Kratos confirms a revocation or logout, the session cache is told.
 *
 * <pre>{@code
 * @Inject MySessions mySessions;
 *
 * SessionPage others = mySessions.listOthers(PageRequest.first(20));
 * mySessions.revoke(others.sessions().get(0).id());
 * int revoked = mySessions.revokeOthers();
 * URI logout = mySessions.browserLogout().logoutUrl();   // for a browser
 * URI logoutHome = mySessions.browserLogout(URI.create("https://app.example.com/")).logoutUrl();  // back home after
 * mySessions.logout();                                  // for a native app's session token
 * }</pre>
 */
@RequestScoped
public class MySessions {

    private final RequestCredentials credentials;
    private final SessionResolver resolver;
    private final KratosFrontendClient client;
    private final SessionCache cache;
    private final ReturnToPolicy returnToPolicy;

    /** For the CDI proxy only. */
    protected MySessions() {
        this.credentials = null;
        this.resolver = null;
        this.client = null;
        this.cache = null;
        this.returnToPolicy = null;
    }

    /**
     * @param credentials the current request's credentials
     * @param resolver the current request's session
     * @param client Kratos's public API
     * @param cache told about revocations and logouts
     * @param returnToPolicy the return URL allow-list a logout's {@code return_to} must pass
     */
    @Inject
    MySessions(RequestCredentials credentials, SessionResolver resolver, KratosFrontendClient client,
                      SessionCache cache, ReturnToPolicy returnToPolicy) {
        this.credentials = credentials;
        this.resolver = resolver;
        this.client = client;
        this.cache = cache;
        this.returnToPolicy = returnToPolicy;
    }

    /**
     * The user's other active sessions (not the current one), most recently authenticated first, with their devices.
     *
     * @param page which page
     * @return the page, with the request for the next one
     * @throws UnauthenticatedException when the request has no session
     */
    public SessionPage listOthers(PageRequest page) {
        resolver.require();
        return client.listMySessions(credentials.get(), page);
    }

    /** The first page of {@link #listOthers(PageRequest)}, of Kratos's default size. */
    public SessionPage listOthers() {
        return listOthers(PageRequest.first());
    }

    /**
     * Revokes every session of the user except the current one.
     *
     * @return how many sessions Kratos revoked; Kratos counts every other session of the identity, including ones
     *         that were already revoked
     * @throws UnauthenticatedException when the request has no session
     */
    public int revokeOthers() {
        Session current = resolver.require();
        int count = client.revokeMyOtherSessions(credentials.get());
        cache.identityChanged(current.identity().id());
        return count;
    }

    /**
     * Revokes one of the user's other sessions. Kratos refuses the current session with {@code 400} (a
     * {@link io.github.orysession.KratosApiException} keeping its error; log out instead), and does nothing,
     * successfully, for an id that is not one of the user's sessions.
     *
     * @param sessionId the session to revoke
     * @throws InvalidRequestException when the id is not a UUID
     * @throws UnauthenticatedException when the request has no session
     */
    public void revoke(String sessionId) {
        Ids.session(sessionId);
        Session current = resolver.require();
        client.revokeMySession(credentials.get(), sessionId);
        cache.identityChanged(current.identity().id());
    }

    /**
     * Asks Kratos for the browser logout URL of the request's session cookie; the browser's session ends when the
     * browser follows it (with its cookie). The logout itself happens at Kratos, where the application does not see
     * it: so from now on, for the session cache's TTL, the cookie is neither served from the cache nor cached again
     * (every request with it asks Kratos), and the first request after the logout is refused.
     *
     * @return the logout URL and token
     * @throws UnauthenticatedException without credentials, or when Kratos finds no session in the cookie
     * @throws InvalidRequestException ({@code session_cookie_required}) when the request has a session token instead
     */
    public LogoutFlow browserLogout() {
        return browserLogout(Optional.empty());
    }

    /**
     * Like {@link #browserLogout()}, and Kratos sends the browser on to {@code returnTo} once it has logged the session
     * out: {@code returnTo} when the return URL allow-list ({@link ReturnToPolicy}, {@code ory.browser.allowed-return-urls})
     * admits it, otherwise {@code ory.browser.default-return-url}, otherwise Kratos's own
     * {@code selfservice.flows.logout.after.default_browser_return_url}. A refused target is never passed on, and
     * nothing else from the request is used in its place. Kratos checks the URL against its own
     * {@code selfservice.allowed_return_urls} too (a {@code 400} {@link io.github.orysession.KratosApiException} when it
     * is not there): list the same origins in both.
     *
     * @param returnTo an absolute URL of the application, such as its home page; a relative one is refused (this
     *        bean does not know the request's URL), as is {@code null}
     * @return the logout URL (carrying the {@code return_to}) and token
     * @throws UnauthenticatedException without credentials, or when Kratos finds no session in the cookie
     * @throws InvalidRequestException ({@code session_cookie_required}) when the request has a session token instead
     */
    public LogoutFlow browserLogout(URI returnTo) {
        return browserLogout(returnToPolicy.returnTo(returnTo == null ? null : returnTo.toString(), null));
    }

    private LogoutFlow browserLogout(Optional<URI> returnTo) {
        Credentials offered = credentials.get();
        String cookies = offered.sessionCookies().orElseThrow(() -> offered.sessionToken().isPresent()
                ? new InvalidRequestException("session_cookie_required",
                        "The browser logout needs the session cookie; a session token is logged out with the token logout")
                : notSignedIn(offered));
        LogoutFlow flow = client.createBrowserLogoutFlow(cookies, returnTo.orElse(null));
        cache.logoutStarted(offered);
        return flow;
    }

    /**
     * Logs out the request's session token (a native app's logout): Kratos revokes its session. The token is then
     * refused on this instance without asking Kratos again for a while ({@code ory.session.cache.rejection-ttl-ms}),
     * and kept out of the session cache on every instance for its TTL.
     *
     * @throws UnauthenticatedException without credentials, or when Kratos knows no such token
     * @throws InvalidRequestException ({@code session_token_required}) when the request has a session cookie instead
     */
    public void logout() {
        Credentials offered = credentials.get();
        String token = offered.sessionToken().orElseThrow(() -> offered.sessionCookies().isPresent()
                ? new InvalidRequestException("session_token_required",
                        "The token logout needs a session token; a browser logs out through the browser logout URL")
                : notSignedIn(offered));
        Optional<String> identity = resolver.result().sessionIfAny().map(session -> session.identity().id());
        client.logoutToken(token);
        identity.ifPresent(cache::identityChanged);
        cache.loggedOut(offered);
    }

    private static UnauthenticatedException notSignedIn(Credentials offered) {
        return new UnauthenticatedException(offered.refusal());
    }
}
