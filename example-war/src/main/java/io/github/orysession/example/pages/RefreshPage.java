package io.github.orysession.example.pages;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.github.orysession.browser.LoginRedirects;

/**
 * Signing in again: a {@code 303} to the library's login URL ({@code ory.browser.login-url}) with
 * {@code refresh=true} and the dashboard as the allow-listed {@code return_to}. Kratos asks for the password
 * again, renews the session's {@code authenticated_at}, and sends the browser back to the dashboard; this is what
 * {@code @Authenticated(maxAgeSeconds = ...)} does by itself for a stale session.
 */
@Path("refresh")
@RequestScoped
@HtmlPage
public class RefreshPage {

    @Inject
    LoginRedirects loginRedirects;

    /**
     * @param uriInfo the request's URLs
     * @return {@code 303} to Kratos's login
     */
    @GET
    public Response refresh(@Context UriInfo uriInfo) {
        return Response.seeOther(loginRedirects.login(Map.of("refresh", "true"),
                uriInfo.getBaseUri().resolve("dashboard").toString(), uriInfo.getRequestUri())).build();
    }
}
