package io.github.orysession.example.pages;

import java.net.URI;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.github.orysession.InvalidRequestException;
import io.github.orysession.KratosBadResponseException;
import io.github.orysession.OrySession;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.example.html.Blocks;
import io.github.orysession.example.html.Html;
import io.github.orysession.example.selfservice.KratosFlows;
import io.github.orysession.manage.LogoutFlow;
import io.github.orysession.manage.MySessions;

/**
 * Logging out of this browser. {@code GET} asks (a link or an image from another site must not log anyone out);
 * the button {@code POST}s ({@link SameOrigin}), gets the browser logout URL from {@link MySessions#browserLogout(URI)}
 * with the start page as its allow-listed {@code return_to}, and sends the browser there: Kratos ends the session
 * and sends the browser back to the start page. No session needed: a user whose session falls short of a
 * requirement can still log out.
 */
@Path("logout")
@RequestScoped
@HtmlPage
public class LogoutPage {

    @Inject
    OrySession session;

    @Inject
    MySessions mySessions;

    @Inject
    ReturnToPolicy policy;

    @Inject
    KratosFlows flows;

    /**
     * @param uriInfo the request's URLs
     * @return a page with the log-out button
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@Context UriInfo uriInfo) {
        Page page = Page.of(uriInfo, session, policy);
        Html content = new Html().open("div", "class", "narrow");
        if (page.viewer().isSignedIn()) {
            content.append(Blocks.card(null, new Html()
                    .element("p", "Log out of this browser? Your sessions on other devices stay signed in; the "
                            + "sessions page signs those out.")
                    .open("div", "class", "actions")
                    .append(Blocks.postButton(page.path("logout"), "Log out", null))
                    .element("a", "Cancel", "class", "button secondary", "href", page.path("dashboard"))
                    .close("div")));
        } else {
            content.append(Blocks.message("info", "You are not signed in."))
                    .open("p").append(Blocks.link(page.path("login"), "Sign in")).close("p");
        }
        return page.render("Log out", content.close("div"));
    }

    /**
     * @param uriInfo the request's URLs
     * @return {@code 303} to Kratos's logout URL, or to the start page when there is no session to end
     */
    @POST
    @SameOrigin
    public Response logout(@Context UriInfo uriInfo) {
        Page page = Page.of(uriInfo, session, policy);
        LogoutFlow flow;
        try {
            flow = mySessions.browserLogout(URI.create(page.absolute("")));
        } catch (UnauthenticatedException e) {
            return page.seeOther("");
        } catch (InvalidRequestException e) {
            return page.render(400, "Log out", new Html().append(Blocks.message("error", e.getMessage())));
        }
        if (!onKratos(flow.logoutUrl())) {
            throw new KratosBadResponseException("Kratos answered a logout URL that is not on Kratos", null);
        }
        return Response.seeOther(flow.logoutUrl()).build();
    }

    /** Kratos's logout URL comes from Kratos, and is followed only when it points at Kratos as browsers reach it. */
    private boolean onKratos(URI logoutUrl) {
        String scheme = logoutUrl.getScheme();
        return ("http".equals(scheme) || "https".equals(scheme)) && logoutUrl.getRawUserInfo() == null
                && flows.browserFacingUrls().stream().anyMatch(kratos -> kratos.getScheme().equals(scheme)
                        && kratos.getRawAuthority() != null && kratos.getRawAuthority().equalsIgnoreCase(logoutUrl.getRawAuthority()));
    }
}
