package io.github.orysession.example.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.github.orysession.example.html.Blocks;
import io.github.orysession.example.html.FlowForm;
import io.github.orysession.example.html.Html;
import io.github.orysession.example.selfservice.FlowKind;

/**
 * Kratos's login UI ({@code selfservice.flows.login.ui_url}): signing in, the second-factor step-up
 * ({@code aal=aal2}) and signing in again ({@code refresh=true}). The form posts straight to Kratos, which sends the
 * browser on to the flow's {@code return_to}, or back here with the flow's messages.
 */
@Path("login")
@RequestScoped
@HtmlPage
public class LoginPage extends FlowPage {

    /**
     * @param flow Kratos's flow id; without one a new flow is started
     * @param returnTo where to go after signing in (allow-listed); the dashboard by default
     * @param aal {@code aal2} to ask for a second factor
     * @param refresh {@code true} to sign in again
     * @param uriInfo the request's URLs
     * @param headers the request's headers
     * @return the login form, or a {@code 303} to Kratos
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("flow") String flow, @QueryParam("return_to") String returnTo,
                          @QueryParam("aal") String aal, @QueryParam("refresh") String refresh,
                          @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if ("aal2".equals(aal)) {
            parameters.put("aal", "aal2");
        }
        if ("true".equals(refresh)) {
            parameters.put("refresh", "true");
        }
        return show(FlowKind.LOGIN, flow, uriInfo, headers, new Restart(parameters, returnTo, "dashboard"), this::render);
    }

    private Response render(Page page, JsonObject flow, FlowForm form) {
        boolean refresh = flow.getBoolean("refresh", false);
        boolean secondFactor = "aal2".equals(flow.getString("requested_aal", ""));
        String title = refresh ? "Confirm it's you" : secondFactor ? "Second factor" : "Sign in";
        Html content = new Html().open("div", "class", "narrow");
        if (secondFactor) {
            content.append(Blocks.paragraph("This page needs a second factor. Enter the code your authenticator app "
                    + "shows."));
        }
        content.append(form.render(flow, false));
        if (secondFactor) {
            content.open("p", "class", "lead")
                    .text("No authenticator app set up yet? Kratos cannot ask a second factor of someone who has none: ")
                    .append(Blocks.link(page.path("settings"), "set one up in Settings"))
                    .text(" first (signed in as you are), then come back.")
                    .close("p");
        } else if (!refresh) {
            content.open("p", "class", "lead").text("No account yet? ")
                    .append(Blocks.link(page.path("registration"), "Create one")).text(".").close("p");
        }
        return page.render(title, content.close("div"));
    }
}
