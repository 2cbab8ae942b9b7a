package io.github.orysession.manage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.orysession.internal.cache.SessionCache;
import io.github.orysession.internal.manage.Ids;
import io.github.orysession.internal.manage.KratosAdminClient;
import io.github.orysession.model.Session;

/**
 * Administrative session operations through Kratos's admin API ({@code ory.kratos.admin-url}, authenticated with
 * {@code ory.kratos.admin-api-key} as a bearer token for Ory Network). They act on any identity: expose them only to
 * administrators (for example with {@code @RolesAllowed}).
 * <p>
 * Without {@code ory.kratos.admin-url} every method throws {@link IllegalStateException} naming the key. Kratos's
 * refusals are {@link io.github.orysession.KratosApiException}s keeping its error body ({@code 404} for an unknown
 * session or an identity without sessions passes through); the admin API refusing the API key is {@code 502}; Kratos
 * unreachable {@code 503}. After Kratos confirms a revocation or an extension, the session cache is told.
 *
 * <pre>{@code
 * @Inject SessionAdmin admin;
 *
 * Session session = admin.get(sessionId);               // with identity and devices
 * Session longer = admin.extend(sessionId);
 * SessionPage active = admin.list(identityId, SessionFilter.ACTIVE, PageRequest.first(50));
 * admin.revoke(sessionId);
 * admin.revokeAll(identityId);
 * }</pre>
 */
@ApplicationScoped
public class SessionAdmin {

    private final KratosAdminClient client;
    private final SessionCache cache;

    /** For the CDI proxy only. */
    protected SessionAdmin() {
        this.client = null;
        this.cache = null;
    }

    /**
     * @param client Kratos's admin API
     * @param cache told about revocations and extensions
     */
    @Inject
    SessionAdmin(KratosAdminClient client, SessionCache cache) {
        this.client = client;
        this.cache = cache;
    }

    /**
     * A session, active or not, with its identity and devices.
     *
     * @param sessionId the session
     * @return the session
     */
    public Session get(String sessionId) {
        return client.getSession(sessionId);
    }

    /**
     * Extends a session: Kratos sets its expiry to now plus {@code session.lifespan}. When Kratos's
     * {@code session.earliest_possible_extend} is set and the session has more time left than that, Kratos succeeds
     * without changing the expiry. Kratos answers with the session, or (with its
     * {@code feature_flags.faster_session_extend}) with {@code 204}; then the session is fetched afterwards, so the
     * result is the same either way.
     *
     * @param sessionId the session
     * @return the session as it is after the extension
     */
    public Session extend(String sessionId) {
        Session extended = client.extendSession(sessionId).orElseGet(() -> client.getSession(sessionId));
        cache.identityChanged(extended.identity().id());
        return extended;
    }

    /**
     * An identity's sessions, most recently authenticated first, with identity and devices.
     *
     * @param identityId the identity
     * @param filter active, inactive or all
     * @param page which page
     * @return the page, with the request for the next one
     */
    public SessionPage list(String identityId, SessionFilter filter, PageRequest page) {
        return client.listIdentitySessions(identityId, filter, page);
    }

    /**
     * Revokes (deactivates) one session. The session is fetched first, because Kratos's answer does not say whose it
     * was and the cache must forget that identity's sessions: an unknown session fails there with {@code 404}.
     *
     * @param sessionId the session
     */
    public void revoke(String sessionId) {
        String identityId = client.getSession(sessionId).identity().id();
        client.disableSession(sessionId);
        cache.identityChanged(identityId);
    }

    /**
     * Revokes every session of an identity. Kratos deletes them (they no longer appear in {@link #list}), and answers
     * {@code 404} when the identity has no session, or does not exist.
     *
     * @param identityId the identity
     */
    public void revokeAll(String identityId) {
        client.deleteIdentitySessions(identityId);
        cache.identityChanged(identityId);
    }

    /**
     * Tells the session cache that an identity's sessions changed outside the library (the admin API called
     * directly, the Ory Console, a Kratos webhook, the settings hook {@code revoke_active_sessions}): every session of
     * that identity cached before now is asked of Kratos again at its next use, on every instance sharing the cache.
     * Asks Kratos nothing and needs no admin URL.
     *
     * @param identityId the identity
     */
    public void forgetCachedSessions(String identityId) {
        cache.identityChanged(Ids.identity(identityId));
    }
}
