package io.github.orysession.internal.manage;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.github.orysession.internal.client.KratosAdminApi;
import io.github.orysession.internal.client.KratosFailures;
import io.github.orysession.internal.client.KratosFailures.Caller;
import io.github.orysession.internal.client.Lazy;
import io.github.orysession.internal.client.RestClients;
import io.github.orysession.internal.config.AdminConfig;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.manage.PageRequest;
import io.github.orysession.manage.SessionAdmin;
import io.github.orysession.manage.SessionFilter;
import io.github.orysession.manage.SessionPage;
import io.github.orysession.model.Session;

/**
 * The session calls of Kratos's admin API ({@code ory.kratos.admin-url}, with {@code ory.kratos.admin-api-key} as a
 * bearer token when set), with typed results and every failure mapped by {@link KratosReplies}. Holds one REST client
 * for the application. Applications use {@link SessionAdmin}, which adds the cache hooks.
 */
@ApplicationScoped
public class KratosAdminClient {

    private static final List<String> EXPAND_ALL = List.of("identity", "devices");

    private final OryConfig config;
    private final AdminConfig admin;
    private final Lazy<KratosAdminApi> api;
    private final Lazy<KratosHttp> http;

    /** For the CDI proxy only. */
    protected KratosAdminClient() {
        this.config = null;
        this.admin = null;
        this.api = null;
        this.http = null;
    }

    /**
     * @param config the timeouts
     * @param admin where the admin API is, and its API key
     */
    @Inject
    public KratosAdminClient(OryConfig config, AdminConfig admin) {
        this.config = config;
        this.admin = admin;
        this.api = new Lazy<>(() -> RestClients.build(KratosAdminApi.class, admin.requireAdminUrl(), config));
        this.http = new Lazy<>(() -> new KratosHttp(config));
    }

    /**
     * {@code GET /admin/sessions/{id}}, with the identity and the devices.
     *
     * @param sessionId the session
     * @return the session
     */
    public Session getSession(String sessionId) {
        String id = Ids.session(sessionId);
        String operation = "get session " + id;
        KratosAnswer answer = send(operation, api -> api.getSession(admin.authorization(), id, EXPAND_ALL));
        if (answer.status() != 200) {
            throw failure(operation, answer);
        }
        return KratosReplies.session(operation, answer.body());
    }

    /**
     * {@code PATCH /admin/sessions/{id}/extend}, sent with the JDK's HTTP client (see {@link KratosHttp}).
     *
     * @param sessionId the session
     * @return the extended session when Kratos sent it ({@code 200}), empty when it answered {@code 204}
     */
    public Optional<Session> extendSession(String sessionId) {
        String id = Ids.session(sessionId);
        String operation = "extend session " + id;
        URI url = admin.requireAdminUrl();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/admin/sessions/" + id + "/extend"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody());
        if (admin.hasApiKey()) {
            request.header("Authorization", admin.authorization());
        }
        KratosAnswer answer = http.get().send(operation, url, request);
        if (answer.status() == 204) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw failure(operation, answer);
        }
        return Optional.of(KratosReplies.session(operation, answer.body()));
    }

    /**
     * {@code DELETE /admin/sessions/{id}}: deactivates the session.
     *
     * @param sessionId the session
     */
    public void disableSession(String sessionId) {
        String id = Ids.session(sessionId);
        String operation = "revoke session " + id;
        KratosAnswer answer = send(operation, api -> api.disableSession(admin.authorization(), id));
        if (answer.status() != 204 && answer.status() != 200) {
            throw failure(operation, answer);
        }
    }

    /**
     * {@code GET /admin/identities/{id}/sessions}.
     *
     * @param identityId the identity
     * @param filter active, inactive or all sessions
     * @param page which page
     * @return the page
     */
    public SessionPage listIdentitySessions(String identityId, SessionFilter filter, PageRequest page) {
        String id = Ids.identity(identityId);
        String operation = "list the sessions of identity " + id;
        KratosAnswer answer = send(operation, api -> api.listIdentitySessions(admin.authorization(), id,
                KratosPages.active(filter), KratosPages.page(page), page.pageSize()));
        if (answer.status() != 200) {
            throw failure(operation, answer);
        }
        List<Session> sessions = KratosReplies.sessions(operation, answer.body());
        return new SessionPage(sessions, KratosPages.next(page, sessions.size(), answer.total()));
    }

    /**
     * {@code DELETE /admin/identities/{id}/sessions}: deletes every session of the identity.
     *
     * @param identityId the identity
     */
    public void deleteIdentitySessions(String identityId) {
        String id = Ids.identity(identityId);
        String operation = "revoke the sessions of identity " + id;
        KratosAnswer answer = send(operation, api -> api.deleteIdentitySessions(admin.authorization(), id));
        if (answer.status() != 204 && answer.status() != 200) {
            throw failure(operation, answer);
        }
    }

    private interface AdminCall {
        Response send(KratosAdminApi api);
    }

    private KratosAnswer send(String operation, AdminCall call) {
        KratosAdminApi client = api.get();
        return KratosReplies.send(operation, admin.requireAdminUrl(), () -> call.send(client));
    }

    private RuntimeException failure(String operation, KratosAnswer answer) {
        return KratosFailures.failure(operation, admin.requireAdminUrl(), answer.status(), answer.body(), answer.retryAfter(), Caller.ADMIN);
    }

    /** Closes the REST client when the application stops (the REST client proxies are {@link AutoCloseable}). */
    @PreDestroy
    void close() {
        RestClients.close(api);
    }


}
