package io.github.orysession.example.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.github.orysession.OrySession;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.example.html.Blocks;
import io.github.orysession.example.html.Html;
import io.github.orysession.example.selfservice.FlowAnswer;
import io.github.orysession.example.selfservice.KratosFlows;

/**
 * Kratos's error UI ({@code selfservice.flows.error.ui_url}): where Kratos sends the browser when a flow fails in a
 * way the flow's own page cannot show (a {@code return_to} Kratos does not allow, a flow that cannot go on). Shows
 * Kratos's self-service error ({@code GET /self-service/errors?id=}); {@code ?id=stub:500} shows Kratos's example.
 */
@Path("error")
@RequestScoped
@HtmlPage
public class ErrorPage {

    @Inject
    KratosFlows flows;

    @Inject
    OrySession session;

    @Inject
    ReturnToPolicy policy;

    /**
     * @param id Kratos's error id
     * @param uriInfo the request's URLs
     * @return the error
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response error(@QueryParam("id") String id, @Context UriInfo uriInfo) {
        Page page = Page.of(uriInfo, session, policy);
        FlowAnswer answer = flows.error(id);
        if (!answer.isFound()) {
            return page.render(404, "Unknown error", new Html()
                    .append(Blocks.message("info", "Kratos knows no error with this id, or it has been cleaned up."))
                    .open("p").append(Blocks.link(page.path(""), "Back to the start")).close("p"));
        }
        JsonObject error = answer.error();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Status", error.containsKey("code") ? error.get("code") + " " + error.getString("status", "") : null);
        facts.put("Error", error.getString("id", null));
        facts.put("Reason", error.getString("reason", null));
        facts.put("Error record", answer.body().getString("id", null));
        Html content = new Html()
                .append(Blocks.message("error", error.getString("message", "Kratos could not complete the request.")))
                .append(Blocks.card("What Kratos says", Blocks.facts(facts)))
                .open("div", "class", "actions")
                .append(Blocks.link(page.path(""), "Back to the start"))
                .append(Blocks.link(page.path("login"), "Sign in"))
                .close("div");
        return page.render("Something went wrong", content);
    }
}
