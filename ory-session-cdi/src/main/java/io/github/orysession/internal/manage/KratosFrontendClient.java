package io.github.orysession.internal.manage;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import io.github.orysession.KratosBadResponseException;
import io.github.orysession.RefusalReason;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.internal.client.KratosFailures;
import io.github.orysession.internal.client.KratosFailures.Caller;
import io.github.orysession.internal.client.KratosPublicApi;
import io.github.orysession.internal.client.Lazy;
import io.github.orysession.internal.client.RestClients;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.json.Jsonp;
import io.github.orysession.manage.LogoutFlow;
import io.github.orysession.manage.MySessions;
import io.github.orysession.manage.PageRequest;
import io.github.orysession.manage.SessionPage;
import io.github.orysession.model.Session;

/**
 * The session-management calls of Kratos's public (frontend) API, made with a user's own credentials, with typed
 * results and every failure mapped by {@link KratosReplies}. Holds one REST client for the application.
 * Applications use {@link MySessions}, which adds the current request's credentials and the cache hooks.
 */
@ApplicationScoped
public class KratosFrontendClient {

    private final OryConfig config;
    private final Lazy<KratosPublicApi> api;
    private final Lazy<KratosHttp> http;

    /** For the CDI proxy only. */
    protected KratosFrontendClient() {
        this.config = null;
        this.api = null;
        this.http = null;
    }

    /**
     * @param config where Kratos is, and the timeouts
     */
    @Inject
    public KratosFrontendClient(OryConfig config) {
        this.config = config;
        this.api = new Lazy<>(() -> RestClients.build(KratosPublicApi.class, config.kratosUrl(), config));
        this.http = new Lazy<>(() -> new KratosHttp(config));
    }

    /**
     * {@code GET /sessions}: the caller's other active sessions.
     *
     * @param credentials the caller's token or session cookie(s)
     * @param page which page
     * @return the page
     */
    public SessionPage listMySessions(Credentials credentials, PageRequest page) {
        String operation = "list the caller's sessions";
        KratosAnswer answer = send(operation, () -> api.get().listMySessions(token(credentials), cookies(credentials),
                KratosPages.page(page), page.pageSize()));
        if (answer.status() != 200) {
            throw KratosFailures.failure(operation, config.kratosUrl(), answer.status(), answer.body(), answer.retryAfter(), Caller.USER);
        }
        List<Session> sessions = KratosReplies.sessions(operation, answer.body());
        return new SessionPage(sessions, KratosPages.next(page, sessions.size(), answer.total()));
    }

    /**
     * {@code DELETE /sessions}: revokes all the caller's sessions but the current one.
     *
     * @param credentials the caller's token or session cookie(s)
     * @return how many sessions Kratos revoked (it counts every other session of the identity, including ones that
     *         were already inactive)
     */
    public int revokeMyOtherSessions(Credentials credentials) {
        String operation = "revoke the caller's other sessions";
        KratosAnswer answer = send(operation, () -> api.get().revokeMyOtherSessions(token(credentials), cookies(credentials)));
        if (answer.status() != 200) {
            throw KratosFailures.failure(operation, config.kratosUrl(), answer.status(), answer.body(), answer.retryAfter(), Caller.USER);
        }
        return KratosReplies.number(operation, KratosReplies.object(operation, answer.body()), "count");
    }

    /**
     * {@code DELETE /sessions/{id}}: revokes one of the caller's sessions, never the current one (Kratos answers
     * {@code 400}). Kratos answers {@code 204} also for an id that is not one of the caller's sessions, and changes
     * nothing then.
     *
     * @param credentials the caller's token or session cookie(s)
     * @param sessionId the session to revoke
     */
    public void revokeMySession(Credentials credentials, String sessionId) {
        String id = Ids.session(sessionId);
        String operation = "revoke session " + id;
        KratosAnswer answer = send(operation, () -> api.get().revokeMySession(id, token(credentials), cookies(credentials)));
        if (answer.status() != 204 && answer.status() != 200) {
            throw KratosFailures.failure(operation, config.kratosUrl(), answer.status(), answer.body(), answer.retryAfter(), Caller.USER);
        }
    }

    /**
     * {@code GET /self-service/logout/browser}, with the session cookie(s) only.
     *
     * @param sessionCookies the browser's session cookie(s), as a {@code Cookie} header value
     * @return Kratos's logout URL and token
     */
    public LogoutFlow createBrowserLogoutFlow(String sessionCookies) {
        return createBrowserLogoutFlow(sessionCookies, null);
    }

    /**
     * {@code GET /self-service/logout/browser?return_to=...}, with the session cookie(s) only. The caller has already
     * checked {@code returnTo} against the application's allow-list; Kratos checks it against its own and answers
     * {@code 400} when it is not allowed there.
     *
     * @param sessionCookies the browser's session cookie(s), as a {@code Cookie} header value
     * @param returnTo where Kratos sends the browser after the logout, or {@code null} for Kratos's default
     * @return Kratos's logout URL (carrying {@code return_to}) and token
     */
    public LogoutFlow createBrowserLogoutFlow(String sessionCookies, URI returnTo) {
        String operation = "create a browser logout flow";
        String target = returnTo == null ? null : returnTo.toString();
        KratosAnswer answer = send(operation, () -> api.get().createBrowserLogoutFlow(sessionCookies, target));
        if (answer.status() != 200) {
            throw KratosFailures.failure(operation, config.kratosUrl(), answer.status(), answer.body(), answer.retryAfter(), Caller.USER);
        }
        JsonObject flow = KratosReplies.object(operation, answer.body());
        return new LogoutFlow(uri(operation, KratosReplies.string(operation, flow, "logout_url")),
                KratosReplies.string(operation, flow, "logout_token"));
    }

    /**
     * {@code DELETE /self-service/logout/api}: revokes the session of a session token. Sent with the JDK's HTTP
     * client (see {@link KratosHttp}).
     *
     * @param sessionToken the token to log out
     * @throws UnauthenticatedException when Kratos knows no such token ({@code 403})
     */
    public void logoutToken(String sessionToken) {
        String operation = "log out a session token";
        String body = Jsonp.PROVIDER.createObjectBuilder().add("session_token", sessionToken).build().toString();
        KratosAnswer answer = http.get().send(operation, config.kratosUrl(),
                HttpRequest.newBuilder(URI.create(config.kratosUrl() + "/self-service/logout/api"))
                        .header("Content-Type", "application/json")
                        .method("DELETE", HttpRequest.BodyPublishers.ofString(body)));
        if (answer.status() == 403) {
            throw new UnauthenticatedException(RefusalReason.INVALID_SESSION, "Kratos knows no such session token");
        }
        if (answer.status() != 204 && answer.status() != 200) {
            throw KratosFailures.failure(operation, config.kratosUrl(), answer.status(), answer.body(), answer.retryAfter(), Caller.USER);
        }
    }

    private KratosAnswer send(String operation, KratosReplies.Call call) {
        return KratosReplies.send(operation, config.kratosUrl(), call);
    }

    private static String token(Credentials credentials) {
        return credentials.sessionToken().orElse(null);
    }

    private static String cookies(Credentials credentials) {
        return credentials.sessionToken().isPresent() ? null : credentials.sessionCookies().orElse(null);
    }

    private static URI uri(String operation, String value) {
        // The URL carries the logout token: neither it nor the parse failure (which quotes it) goes into the message.
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute()) {
            throw new KratosBadResponseException("Kratos answered " + operation + " with a logout_url that is not an absolute URL", null);
        }
        return uri;
    }

    /** Closes the REST client when the application stops (the REST client proxies are {@link AutoCloseable}). */
    @PreDestroy
    void close() {
        RestClients.close(api);
    }


}
