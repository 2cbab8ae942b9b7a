package io.github.orysession.jaxrs;

import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.credentials.CookieNames;

/**
 * Passes the session cookie Kratos re-issued in its whoami answer (when the session was extended, Kratos's
 * {@code RefreshCookie}) on to the browser, so that the browser's cookie keeps up with the session. Only when the
 * request already resolved its session: this filter never makes a request ask Kratos. Only session cookies are
 * passed on (the {@code ory.session.cookie-names}).
 * <p>
 * A response that passes a session cookie on must never be stored by a shared cache, which would hand the cookie to
 * the next caller: its {@code Cache-Control} is made {@code private} whatever the resource set
 * ({@link PrivateCaching}: {@code public} and {@code s-maxage} go), and the headers by which a CDN takes its orders
 * over {@code Cache-Control} ({@code CDN-Cache-Control}, RFC 9213, and {@code Surrogate-Control}) are removed.
 * Registered for every resource method by {@link AuthenticatedFeature} at {@code Priorities.AUTHENTICATION}: response
 * filters run from the highest priority to the lowest, so this one runs after the application's own (at the default
 * {@code USER}), and sees the caching they chose.
 */
final class SessionCookieFilter implements ContainerResponseFilter {

    /** Headers a CDN obeys instead of {@code Cache-Control}, in lower case. */
    private static final Set<String> TARGETED_CACHE_CONTROL = Set.of("cdn-cache-control", "surrogate-control");

    private final LibraryBeans beans;

    SessionCookieFilter(LibraryBeans beans) {
        this.beans = beans;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (beans.requestCredentials().get().sessionCookies().isEmpty()) {
            // Kratos re-issues only a session cookie it was sent; and a request without one need not make the
            // request-scoped resolver just to find that nothing was resolved.
            return;
        }
        WhoamiResult verdict = beans.resolver().resolved().orElse(null);
        if (verdict == null || verdict.setCookies().isEmpty()) {
            return;
        }
        CookieNames names = beans.cookieNames();
        MultivaluedMap<String, Object> headers = response.getHeaders();
        boolean passed = false;
        for (String cookie : verdict.setCookies()) {
            int eq = cookie.indexOf('=');
            if (eq > 0 && names.matches(cookie.substring(0, eq).trim())) {
                headers.add(HttpHeaders.SET_COOKIE, cookie);
                passed = true;
            }
        }
        if (passed) {
            String caching = PrivateCaching.of(response.getHeaderString(HttpHeaders.CACHE_CONTROL));
            headers.keySet().removeIf(name -> name.equalsIgnoreCase(HttpHeaders.CACHE_CONTROL)
                    || TARGETED_CACHE_CONTROL.contains(name.toLowerCase(Locale.ROOT)));
            headers.putSingle(HttpHeaders.CACHE_CONTROL, caching);
        }
    }
}
