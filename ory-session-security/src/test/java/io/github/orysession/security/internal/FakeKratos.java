package io.github.orysession.security.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;

import io.github.orysession.KratosRateLimitedException;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.RefusalReason;
import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/** Stands in for Kratos in the mechanism's unit tests, which test its decisions, not Kratos: knows tokens, counts calls. */
final class FakeKratos implements SessionLookup {

    static final String DOWN = "ory_st_kratosIsDown";
    static final String RATE_LIMITED = "ory_st_rateLimited";
    static final String AAL2_REQUIRED = "ory_st_kratosWantsAal2";

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** A user with an aal1 session that signed in just now, and the given roles in metadata_public. */
    Session add(String token, String identityId, String... roles) {
        return add(token, identityId, "aal1", Instant.now(), roles);
    }

    Session add(String token, String identityId, String aal, Instant authenticatedAt, String... roles) {
        Identity identity = new Identity(identityId, "default", null, "active", null,
                Json.createObjectBuilder().add("email", identityId + "@example.com").build(), null, null,
                Json.createObjectBuilder().add("roles", Json.createArrayBuilder(List.of(roles))).build(), null, null);
        Session session = new Session("session-of-" + identityId, true, Instant.now().plusSeconds(3600),
                authenticatedAt, authenticatedAt, aal, null, null, identity, null);
        sessions.put(token, session);
        return session;
    }

    int calls() {
        return calls.get();
    }

    @Override
    public WhoamiResult whoami(Credentials credentials) {
        calls.incrementAndGet();
        String token = credentials.sessionToken().orElseGet(() -> credentials.sessionCookies()
                .map(cookie -> cookie.substring(cookie.indexOf('=') + 1)).orElse(null));
        if (DOWN.equals(token)) {
            throw new KratosUnavailableException("test: Kratos is down", null);
        }
        if (RATE_LIMITED.equals(token)) {
            throw new KratosRateLimitedException("7");
        }
        if (AAL2_REQUIRED.equals(token)) {
            return WhoamiResult.rejected(RefusalReason.SESSION_AAL2_REQUIRED);
        }
        Session session = token == null ? null : sessions.get(token);
        return session == null ? WhoamiResult.rejected(RefusalReason.INVALID_SESSION) : WhoamiResult.authenticated(session, List.of());
    }
}
