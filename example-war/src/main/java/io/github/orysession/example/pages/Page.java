package io.github.orysession.example.pages;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.github.orysession.OrySession;
import io.github.orysession.OrySessionException;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.example.html.Html;
import io.github.orysession.example.html.Layout;
import io.github.orysession.example.html.Viewer;
import io.github.orysession.model.Session;

/**
 * One request for one of the example's pages: where the application lives, who is looking, and the answers a page
 * gives (an HTML page, or a {@code 303} to another page that has passed the return URL allow-list).
 */
final class Page {

    private final UriInfo uriInfo;
    private final OrySession session;
    private final ReturnToPolicy policy;
    private Viewer viewer;

    private Page(UriInfo uriInfo, OrySession session, ReturnToPolicy policy) {
        this.uriInfo = uriInfo;
        this.session = session;
        this.policy = policy;
    }

    static Page of(UriInfo uriInfo, OrySession session, ReturnToPolicy policy) {
        return new Page(uriInfo, session, policy);
    }

    /** The application's path with a trailing slash: {@code /}, or {@code /example/} under a context root. */
    String basePath() {
        return basePath(uriInfo.getBaseUri());
    }

    static String basePath(URI baseUri) {
        String path = baseUri.getRawPath() == null || baseUri.getRawPath().isEmpty() ? "/" : baseUri.getRawPath();
        return path.endsWith("/") ? path : path + "/";
    }

    /** A page of the application as a path for links and forms: {@code path("sessions")} is {@code /example/sessions}. */
    String path(String relative) {
        return basePath() + relative;
    }

    /**
     * A page of the application as an absolute URL, built from the request (its {@code Host}): only ever used as a
     * candidate that the allow-list then judges.
     */
    String absolute(String relative) {
        return uriInfo.getBaseUri().resolve(relative).toString();
    }

    /** The URL of this request, as the server built it (for resolving relative targets). */
    URI requestUri() {
        return uriInfo.getRequestUri();
    }

    /** The allow-list. */
    ReturnToPolicy policy() {
        return policy;
    }

    /** Who is looking; Kratos failing to answer makes the viewer unknown, not an error of the page. */
    Viewer viewer() {
        if (viewer == null) {
            try {
                viewer = session.current().map(Page::nameOf).map(Viewer::signedIn).orElse(Viewer.ANONYMOUS);
            } catch (OrySessionException e) {
                viewer = Viewer.UNKNOWN;
            }
        }
        return viewer;
    }

    static String nameOf(Session session) {
        return session.identity().email().orElse(session.identity().id());
    }

    /** {@code 200} with the page. */
    Response render(String title, Html content) {
        return render(200, title, content);
    }

    /** The page with another status. */
    Response render(int status, String title, Html content) {
        return html(status, basePath(), viewer(), title, content);
    }

    /**
     * {@code 303} to another page of the application. The target, resolved against the application, passes the
     * return URL allow-list like every other redirect; a refused one (a forged {@code Host}) is replaced by the
     * configured default, and without a default the path alone is sent.
     *
     * @param relative the page and query, relative to the application: {@code sessions?done=revoked}
     */
    Response seeOther(String relative) {
        Optional<URI> target = policy.admit(relative, uriInfo.getBaseUri()).or(policy::defaultReturnUrl);
        return Response.seeOther(target.orElse(URI.create(path(relative)))).header("Cache-Control", "no-store").build();
    }

    /** An HTML page for the filters, which have no session to show. */
    static Response html(int status, String basePath, String title, Html content) {
        return html(status, basePath, Viewer.ANONYMOUS, title, content);
    }

    private static Response html(int status, String basePath, Viewer viewer, String title, Html content) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Layout.page(basePath, viewer, title, content)).build();
    }
}
