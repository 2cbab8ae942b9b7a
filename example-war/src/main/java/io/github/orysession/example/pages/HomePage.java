package io.github.orysession.example.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.github.orysession.OrySession;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.example.html.Blocks;
import io.github.orysession.example.html.Html;

/** The start page: what the example shows, and where to go. Open to anyone. */
@Path("/")
@RequestScoped
@HtmlPage
public class HomePage {

    @Inject
    OrySession session;

    @Inject
    ReturnToPolicy policy;

    /**
     * @param uriInfo the request's URLs
     * @return the page
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home(@Context UriInfo uriInfo) {
        Page page = Page.of(uriInfo, session, policy);
        Html intro = new Html()
                .open("p", "class", "lead")
                .text("A Jakarta EE application whose pages trust Ory Kratos sessions through the ory-session library: "
                        + "a page marked @Authenticated sees who you are, and sends you to sign in when it cannot.")
                .close("p");
        Html start = new Html().open("div", "class", "actions");
        if (page.viewer().isSignedIn()) {
            start.element("a", "Go to your dashboard", "class", "button", "href", page.path("dashboard"));
        } else {
            start.element("a", "Create an account", "class", "button", "href", page.path("registration"))
                    .element("a", "Sign in", "class", "button secondary", "href", page.path("login"));
        }
        Html pages = new Html().open("div", "class", "grid")
                .append(tile(page, "dashboard", "Dashboard", "Needs a session: your identity and this session, from Kratos."))
                .append(tile(page, "sessions", "Sessions", "Every device you are signed in on; sign one out, or all the others."))
                .append(tile(page, "settings", "Settings", "Profile, password, and an authenticator app (TOTP) as a second factor."))
                .append(tile(page, "secure", "Second factor", "Needs a session with a second factor (aal2): Kratos asks for your TOTP code."))
                .append(tile(page, "refresh", "Sign in again", "Proves it is still you (refresh=true) and comes back to the dashboard."))
                .append(tile(page, "account.xhtml", "Account (Faces)", "A Jakarta Faces page behind a web.xml security constraint: Jakarta Security sees your Ory session."))
                .append(tile(page, "admin.xhtml", "Administration", "A Faces page whose enterprise bean is @RolesAllowed(\"admin\"): metadata_public.roles."))
                .append(tile(page, "api/public", "JSON API", "The same library behind /api/...: 401 instead of a login page."))
                .close("div");
        return page.render("Ory sessions in Jakarta EE", intro.append(start.close("div")).append(pages));
    }

    private static Html tile(Page page, String path, String title, String text) {
        return Blocks.card(null, new Html().open("h2").append(Blocks.link(page.path(path), title)).close("h2")
                .element("p", text, "class", "lead"));
    }
}
