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
import io.github.orysession.example.PersonTraits;
import io.github.orysession.example.html.Blocks;
import io.github.orysession.example.html.Html;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/**
 * The signed-in user's dashboard: the identity (email, id, roles, and its traits read as the example's own
 * {@link PersonTraits}) and the session (id, assurance level, times, authentication methods, devices) as Kratos
 * vouched for them. {@code @Authenticated}: a browser without a session is sent to Kratos's login and comes back here.
 */
@Path("dashboard")
@RequestScoped
@HtmlPage
@Authenticated
public class DashboardPage {

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
    public Response dashboard(@Context UriInfo uriInfo) {
        Page page = Page.of(uriInfo, session, policy);
        Session current = session.get();
        Identity identity = current.identity();

        Map<String, String> you = new LinkedHashMap<>();
        you.put("Email", identity.email().orElse(null));
        you.put("Identity ID", identity.id());
        you.put("Schema", identity.schemaId());
        you.put("State", identity.state());
        you.put("Roles", session.roles().isEmpty() ? "none" : String.join(", ", session.roles()));
        you.put("Created", Formats.time(identity.createdAt()));
        PersonTraits person = identity.traitsAs(PersonTraits.class);
        Map<String, String> traits = new LinkedHashMap<>();
        traits.put("email", person.email());
        if (person.name() != null) {
            traits.put("name", person.name());
        }

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Session ID", current.id());
        facts.put("Assurance level", current.assuranceLevel().wireValue());
        facts.put("Signed in at", Formats.time(current.authenticatedAt()));
        facts.put("Issued at", Formats.time(current.issuedAt()));
        facts.put("Expires at", Formats.time(current.expiresAt()));
        facts.put("Methods", Formats.methods(current));
        facts.put("Devices", Formats.devices(current));

        Html next = new Html()
                .open("div", "class", "actions")
                .element("a", "Your sessions", "class", "button", "href", page.path("sessions"))
                .element("a", "Settings and TOTP", "class", "button secondary", "href", page.path("settings"))
                .element("a", "Second-factor page", "class", "button secondary", "href", page.path("secure"))
                .element("a", "Sign in again", "class", "button secondary", "href", page.path("refresh"))
                .append(Blocks.postButton(page.path("logout"), "Log out", "danger"))
                .close("div")
                .element("p", "The second-factor page needs an authenticator app: set one up in Settings first, "
                        + "since Kratos cannot ask a second factor of someone who has none.", "class", "lead");

        Html content = new Html()
                .open("p", "class", "lead").text("Signed in as ").element("strong", Page.nameOf(current))
                .text(" · ").element("span", current.assuranceLevel().wireValue(), "class", "badge").close("p")
                .open("div", "class", "grid")
                .append(Blocks.card("You", Blocks.facts(you)))
                .append(Blocks.card("Traits", traits.isEmpty() ? Blocks.paragraph("None.") : Blocks.facts(traits)))
                .close("div")
                .append(Blocks.card("This session", Blocks.facts(facts)))
                .append(Blocks.card("What next", next));
        return page.render("Dashboard", content);
    }
}
