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
 * Kratos's registration UI ({@code selfservice.flows.registration.ui_url}). Kratos v1.3 registers in two steps here
 * (the profile first, then the password), each a form of the same flow; after the last one Kratos signs the new
 * user in and sends the browser to the flow's {@code return_to}.
 */
@Path("registration")
@RequestScoped
@HtmlPage
public class RegistrationPage extends FlowPage {

    /**
     * @param flow Kratos's flow id; without one a new flow is started
     * @param returnTo where to go afterwards (allow-listed); the dashboard by default
     * @param uriInfo the request's URLs
     * @param headers the request's headers
     * @return the registration form, or a {@code 303} to Kratos
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response registration(@QueryParam("flow") String flow, @QueryParam("return_to") String returnTo,
                                 @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        return show(FlowKind.REGISTRATION, flow, uriInfo, headers, new Restart(Map.of(), returnTo, "dashboard"),
                this::render);
    }

    private Response render(Page page, JsonObject flow, FlowForm form) {
        Html content = new Html().open("div", "class", "narrow")
                .append(form.render(flow, false))
                .open("p", "class", "lead").text("Already registered? ")
                .append(Blocks.link(page.path("login"), "Sign in")).text(".").close("p")
                .close("div");
        return page.render("Create an account", content);
    }
}
