package io.github.orysession.example.pages;

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
 * Kratos's settings UI ({@code selfservice.flows.settings.ui_url}): the profile, the password, and an authenticator
 * app (TOTP: the QR code, the secret to type instead, and the code that proves it works). Kratos needs a session
 * for it (it sends the browser to sign in first), a recent sign-in to change the password
 * ({@code privileged_session_max_age}), and a second factor from a user who has one ({@code required_aal}).
 */
@Path("settings")
@RequestScoped
@HtmlPage
public class SettingsPage extends FlowPage {

    /**
     * @param flow Kratos's flow id; without one a new flow is started
     * @param returnTo where Kratos sends the browser after a successful change (allow-listed); none by default, so
     *        that the page shows what was saved
     * @param uriInfo the request's URLs
     * @param headers the request's headers
     * @return the settings forms, or a {@code 303} to Kratos (or to the second-factor login)
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response settings(@QueryParam("flow") String flow, @QueryParam("return_to") String returnTo,
                             @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        return show(FlowKind.SETTINGS, flow, uriInfo, headers, new Restart(Map.of(), returnTo, null), this::render);
    }

    private Response render(Page page, JsonObject flow, FlowForm form) {
        Html content = new Html()
                .append(Blocks.paragraph("Each box saves on its own, straight to Kratos. To add a second factor, scan "
                        + "the QR code with an authenticator app (or type the secret under it), enter the six-digit code "
                        + "the app shows, and save; from then on signing in can ask for that code, and the "
                        + "second-factor page opens."))
                .append(form.render(flow, true));
        return page.render("Settings", content);
    }
}
