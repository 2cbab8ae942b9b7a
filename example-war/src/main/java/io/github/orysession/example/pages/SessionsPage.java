package io.github.orysession.example.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.github.orysession.Authenticated;
import io.github.orysession.InvalidRequestException;
import io.github.orysession.KratosApiException;
import io.github.orysession.OrySession;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.example.html.Blocks;
import io.github.orysession.example.html.Html;
import io.github.orysession.manage.MySessions;
import io.github.orysession.manage.PageRequest;
import io.github.orysession.manage.SessionPage;
import io.github.orysession.model.Session;

/**
 * The signed-in user's sessions, with {@link MySessions}: this one, and every other one a page at a time, each with
 * a button that signs it out, and "sign out everywhere else". The buttons post here ({@link SameOrigin}: refused
 * when another site sent them) and come back with a {@code 303} and a notice (Post/Redirect/Get), so reloading the
 * page never signs anything out twice. Notices are chosen by a fixed key, never text from the request.
 */
@Path("sessions")
@RequestScoped
@HtmlPage
@Authenticated
public class SessionsPage {

    /** Other sessions per page. */
    static final int PAGE_SIZE = 10;

    private static final Map<String, String> NOTICES = Map.of(
            "revoked", "That session is signed out.",
            "refused", "Kratos refused: the session you are using cannot be signed out here. Log out instead.",
            "invalid", "That is not a session id.");

    @Inject
    OrySession session;

    @Inject
    MySessions mySessions;

    @Inject
    ReturnToPolicy policy;

    /**
     * @param pageToken the next page's token from the previous page, or none for the first page
     * @param done a notice key after an action
     * @param count how many sessions "sign out everywhere else" signed out
     * @param uriInfo the request's URLs
     * @return the page
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response sessions(@QueryParam("page_token") String pageToken, @QueryParam("done") String done,
                             @QueryParam("count") Integer count, @Context UriInfo uriInfo) {
        Page page = Page.of(uriInfo, session, policy);
        Session current = session.get();
        SessionPage others = mySessions.listOthers(PageRequest.of(PAGE_SIZE, pageToken));
        Html content = new Html();
        if ("revoked-others".equals(done)) {
            int revoked = count == null ? 0 : Math.max(0, count);
            content.append(Blocks.message("success", "Signed out everywhere else (Kratos counted " + revoked + " other "
                    + (revoked == 1 ? "session" : "sessions") + ")."));
        } else if (done != null && NOTICES.containsKey(done)) {
            content.append(Blocks.message(done.equals("revoked") ? "success" : "error", NOTICES.get(done)));
        }
        content.append(Blocks.card("This session", table(page, List.of(current), true)));
        Html list = new Html();
        if (others.sessions().isEmpty()) {
            list.append(Blocks.paragraph(pageToken == null ? "You are not signed in anywhere else."
                    : "No more sessions."));
        } else {
            list.append(table(page, others.sessions(), false));
        }
        Html actions = new Html().open("div", "class", "actions");
        others.nextPageToken().ifPresent(token -> actions.element("a", "Next page", "class", "button secondary",
                "href", page.path("sessions") + "?page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
        if (pageToken != null) {
            actions.element("a", "First page", "class", "button secondary", "href", page.path("sessions"));
        }
        if (!others.sessions().isEmpty() || pageToken != null) {
            actions.append(Blocks.postButton(page.path("sessions/revoke-others"), "Sign out everywhere else", "danger"));
        }
        content.append(Blocks.card("Other sessions", list.append(actions.close("div"))));
        return page.render("Your sessions", content);
    }

    /**
     * Signs one of the other sessions out.
     *
     * @param id the session id
     * @param uriInfo the request's URLs
     * @return {@code 303} back to the list with a notice
     */
    @POST
    @Path("revoke")
    @SameOrigin
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@FormParam("id") String id, @Context UriInfo uriInfo) {
        Page page = Page.of(uriInfo, session, policy);
        try {
            mySessions.revoke(id);
        } catch (InvalidRequestException e) {
            return page.seeOther("sessions?done=invalid");
        } catch (KratosApiException e) {
            if (!e.isClientError()) {
                throw e;
            }
            return page.seeOther("sessions?done=refused");
        }
        return page.seeOther("sessions?done=revoked");
    }

    /**
     * Signs out every session but this one.
     *
     * @param uriInfo the request's URLs
     * @return {@code 303} back to the list with how many Kratos signed out
     */
    @POST
    @Path("revoke-others")
    @SameOrigin
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeOthers(@Context UriInfo uriInfo) {
        int revoked = mySessions.revokeOthers();
        return Page.of(uriInfo, session, policy).seeOther("sessions?done=revoked-others&count=" + revoked);
    }

    private static Html table(Page page, List<Session> sessions, boolean current) {
        Html table = new Html().open("table").open("thead").open("tr")
                .element("th", "Device").element("th", "Signed in").element("th", "Expires").element("th", "Level")
                .element("th", "").close("tr").close("thead").open("tbody");
        for (Session each : sessions) {
            table.open("tr")
                    .element("td", each.devices().isEmpty() ? "unknown device" : Formats.device(each.devices().get(0)))
                    .element("td", Formats.time(each.authenticatedAt()))
                    .element("td", Formats.time(each.expiresAt()))
                    .element("td", each.assuranceLevel().wireValue())
                    .open("td");
            if (current) {
                table.element("span", "this browser", "class", "badge");
            } else {
                table.append(Blocks.postButton(page.path("sessions/revoke"), "Sign out", "danger", "id", each.id()));
            }
            table.close("td").close("tr");
        }
        return table.close("tbody").close("table");
    }
}
