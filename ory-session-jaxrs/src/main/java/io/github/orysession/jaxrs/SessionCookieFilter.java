package io.github.orysession.jaxrs;

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
 * passed on (the {@code ory.session.cookie-names}), and such a response is marked {@code Cache-Control: private}
 * unless the resource chose its own caching, so that no shared cache hands the cookie to someone else.
 * Registered for every resource method by {@link AuthenticatedFeature}.
 */
final class SessionCookieFilter implements ContainerResponseFilter {

    private final LibraryBeans beans;

    SessionCookieFilter(LibraryBeans beans) {
        this.beans = beans;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
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
        if (passed && !headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "private");
        }
    }
}
