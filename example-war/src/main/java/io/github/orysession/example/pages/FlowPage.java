package io.github.orysession.example.pages;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.github.orysession.OrySession;
import io.github.orysession.browser.LoginRedirects;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.example.html.Blocks;
import io.github.orysession.example.html.FlowForm;
import io.github.orysession.example.html.Html;
import io.github.orysession.example.selfservice.FlowAnswer;
import io.github.orysession.example.selfservice.FlowKind;
import io.github.orysession.example.selfservice.KratosFlows;

/**
 * What the login, registration and settings pages share: show the Kratos flow named by the {@code flow} parameter,
 * or, without one (or for a flow Kratos no longer knows, an expired one, or one whose anti-CSRF cookie did not come
 * along), send the browser to Kratos to start a new one, with an allow-listed {@code return_to}.
 * <p>
 * A flow whose anti-CSRF cookie is missing would be restarted forever when the browser never sends that cookie to
 * this application (Kratos and the application on different hosts, {@code localhost} against {@code 127.0.0.1}), so
 * the restart for that reason happens once a minute at most, marked by a short-lived cookie of the application's
 * own; the second time, the page explains instead.
 */
abstract class FlowPage {

    /** Marks a restart after a CSRF violation; never sent to Kratos (not one of Kratos's cookies). */
    static final String RETRY_COOKIE = "example_flow_retry";

    @Inject
    KratosFlows flows;

    @Inject
    OrySession session;

    @Inject
    ReturnToPolicy policy;

    @Inject
    LoginRedirects loginRedirects;

    /** How a page shows a flow Kratos returned. */
    interface Renderer {
        Response render(Page page, JsonObject flow, FlowForm form);
    }

    /**
     * How to start a new flow.
     *
     * @param parameters Kratos's parameters for it ({@code aal}, {@code refresh}), already checked
     * @param returnTo the {@code return_to} the page was asked for, or {@code null}
     * @param defaultPage the application's page to return to when none was asked for (relative), or {@code null} for
     *        no {@code return_to} at all
     */
    record Restart(Map<String, String> parameters, String returnTo, String defaultPage) {
    }

    /**
     * @param kind which flow
     * @param flowId the {@code flow} parameter, or {@code null}
     * @param uriInfo the request's URLs
     * @param headers the request's headers (the cookies are passed on to Kratos reduced to Kratos's own)
     * @param restart how to start a new flow
     * @param renderer how to show the flow
     * @return the page, or a {@code 303} to Kratos
     */
    Response show(FlowKind kind, String flowId, UriInfo uriInfo, HttpHeaders headers, Restart restart, Renderer renderer) {
        Page page = Page.of(uriInfo, session, policy);
        if (flowId == null || flowId.isBlank()) {
            return restart(kind, page, restart, restart.returnTo());
        }
        FlowAnswer answer = flows.fetch(kind, flowId, headers.getRequestHeader(HttpHeaders.COOKIE));
        boolean retried = headers.getCookies().containsKey(RETRY_COOKIE);
        if (answer.isFound()) {
            Response shown = renderer.render(page, answer.body(), new FlowForm(flows.browserFacingUrls()));
            return retried ? Response.fromResponse(shown).header(HttpHeaders.SET_COOKIE, retryCookie(page, false)).build() : shown;
        }
        String errorId = answer.errorId().orElse("");
        if (answer.status() == 410 || errorId.equals("self_service_flow_expired")) {
            return restart(kind, page, restart, answer.expiredFlowReturnTo().orElse(restart.returnTo()));
        }
        if (answer.status() == 404 || answer.status() == 401 || errorId.equals("security_identity_mismatch")) {
            // Unknown flow; or a settings flow without a session (Kratos's settings start sends the browser to sign
            // in first), or one started by someone else.
            return restart(kind, page, restart, restart.returnTo());
        }
        if (errorId.equals("security_csrf_violation")) {
            return retried ? cookiesMissing(page) : Response.fromResponse(restart(kind, page, restart, restart.returnTo()))
                    .header(HttpHeaders.SET_COOKIE, retryCookie(page, true)).build();
        }
        if (errorId.equals("session_aal2_required")) {
            // Settings need a second factor from a user who has one: the library's aal2 login, back to this flow.
            URI login = loginRedirects.login(Map.of("aal", "aal2"), page.absolute(kind.segment() + "?flow=" + flowId),
                    page.requestUri());
            return Response.seeOther(login).build();
        }
        return page.render(answer.status() >= 400 && answer.status() < 500 ? answer.status() : 400,
                "That did not work", new Html().append(Blocks.message("error", answer.errorMessage()))
                        .open("p").append(Blocks.link(page.path(kind.segment()), "Start again")).close("p"));
    }

    private Response restart(FlowKind kind, Page page, Restart restart, String returnTo) {
        Map<String, String> query = new LinkedHashMap<>(restart.parameters());
        String candidate = returnTo != null ? returnTo
                : restart.defaultPage() != null ? page.absolute(restart.defaultPage()) : null;
        Optional<URI> allowed = candidate == null ? Optional.empty() : policy.returnTo(candidate, page.requestUri());
        query.put("return_to", allowed.map(URI::toString).orElse(null));
        return Response.seeOther(flows.browserInit(kind, query)).build();
    }

    private static Response cookiesMissing(Page page) {
        Html content = new Html()
                .append(Blocks.message("error", "Kratos's anti-CSRF cookie did not reach this page, so Kratos will not "
                        + "hand out the form."))
                .append(Blocks.paragraph("This happens when the application and Kratos are opened under different "
                        + "host names (for example localhost and 127.0.0.1), or when the browser blocks cookies. Open "
                        + "the application under the same host name as Kratos and try again."))
                .open("p").append(Blocks.link(page.path(""), "Back to the start")).close("p");
        return Response.fromResponse(page.render(403, "Cookies needed", content))
                .header(HttpHeaders.SET_COOKIE, retryCookie(page, false)).build();
    }

    private static String retryCookie(Page page, boolean set) {
        return RETRY_COOKIE + "=" + (set ? "1; Max-Age=60" : "; Max-Age=0") + "; Path=" + page.basePath()
                + "; HttpOnly; SameSite=Lax";
    }
}
