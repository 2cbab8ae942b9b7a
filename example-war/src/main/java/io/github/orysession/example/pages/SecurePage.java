package io.github.orysession.example.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.github.orysession.Authenticated;
import io.github.orysession.OrySession;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.example.html.Blocks;
import io.github.orysession.example.html.Html;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.model.Session;

/**
 * A page that needs a second factor: {@code @Authenticated(aal = AAL2)}. A browser whose session has one factor
 * only is sent by the library to Kratos's login with {@code aal=aal2}, which asks for the TOTP code and comes back
 * here. A user without a second factor must set one up in Settings first: Kratos cannot step them up.
 */
@Path("secure")
@RequestScoped
@HtmlPage
@Authenticated(aal = AuthenticatorAssuranceLevel.AAL2)
public class SecurePage {

    @Inject
    OrySession session;

    @Inject
    ReturnToPolicy policy;

    /**
     * @param uriInfo the request's URLs
     * @return the page, for an aal2 session only
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response secure(@Context UriInfo uriInfo) {
        Page page = Page.of(uriInfo, session, policy);
        Session current = session.get();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Assurance level", current.assuranceLevel().wireValue());
        facts.put("Methods", Formats.methods(current));
        facts.put("Signed in at", Formats.time(current.authenticatedAt()));
        Html content = new Html()
                .append(Blocks.message("success", "Your session has a second factor, so this page opens."))
                .append(Blocks.paragraph("This resource is annotated @Authenticated(aal = AAL2). Without a second "
                        + "factor the library sends a browser to Kratos's login with aal=aal2 and back here; an API "
                        + "client gets 403 session_aal2_required instead. Someone who has not set up an authenticator "
                        + "app yet cannot get in: Kratos has no second factor to ask for, so set one up in Settings "
                        + "first."))
                .append(Blocks.card("This session", Blocks.facts(facts)))
                .open("p").append(Blocks.link(page.path("dashboard"), "Back to the dashboard")).close("p");
        return page.render("Second factor", content);
    }
}
