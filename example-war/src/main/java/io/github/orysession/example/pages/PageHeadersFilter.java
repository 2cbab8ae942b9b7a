package io.github.orysession.example.pages;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.example.selfservice.KratosFlows;

/**
 * The security headers of every {@link HtmlPage} answer, redirects and errors included: the
 * {@link ContentSecurityPolicy}, {@code Cache-Control: no-store} (the pages show a person's identity and sessions),
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} (Kratos's flow ids stay out of other
 * sites' logs) and {@code X-Frame-Options: DENY} for browsers without CSP {@code frame-ancestors}.
 */
@Provider
@HtmlPage
public class PageHeadersFilter implements ContainerResponseFilter {

    private volatile String policy;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", policy());
        headers.putSingle("Cache-Control", "no-store");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("X-Frame-Options", "DENY");
    }

    /** JAX-RS makes the filter, not CDI: the policy is built once, on first use. */
    private String policy() {
        String result = policy;
        if (result == null) {
            CDI<Object> cdi = CDI.current();
            result = ContentSecurityPolicy.of(cdi.select(KratosFlows.class).get().browserFacingUrls(),
                    cdi.select(ReturnToPolicy.class).get().allowed());
            policy = result;
        }
        return result;
    }
}
