package io.github.orysession.jaxrs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import io.github.orysession.KratosUnavailableException;
import io.github.orysession.RefusalReason;
import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/**
 * Stands in for Kratos in the filters' unit tests, which test the JAX-RS wiring, not Kratos: knows session tokens
 * and session cookies, answers {@link #DOWN} with an outage, counts the calls.
 */
final class FakeKratos implements SessionLookup {

    /** A token whose lookup finds Kratos unreachable. */
    static final String DOWN = "kratos-is-down";

    private final Map<String, WhoamiResult> verdicts = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    /**
     * @param credential a session token, or a session cookie as {@code name=value}
     * @param identityId the identity the session belongs to
     * @param aal {@code aal1} or {@code aal2}
     * @param roles the identity's {@code metadata_public.roles}
     * @return this
     */
    FakeKratos knows(String credential, String identityId, String aal, String... roles) {
        return knows(credential, sessionOf(identityId, aal, roles), List.of());
    }

    /**
     * @param credential a session token, or a session cookie as {@code name=value}
     * @param session the session
     * @param setCookies the {@code Set-Cookie} values Kratos answers with
     * @return this
     */
    FakeKratos knows(String credential, Session session, List<String> setCookies) {
        verdicts.put(credential, WhoamiResult.authenticated(session, setCookies));
        return this;
    }

    int calls() {
        return calls.get();
    }

    @Override
    public WhoamiResult whoami(Credentials credentials) {
        calls.incrementAndGet();
        String credential = credentials.sessionToken().orElseGet(() -> credentials.sessionCookies().orElse(""));
        if (DOWN.equals(credential)) {
            throw new KratosUnavailableException("test: Kratos is down", null);
        }
        return verdicts.getOrDefault(credential, WhoamiResult.rejected(RefusalReason.INVALID_SESSION));
    }

    static Session sessionOf(String identityId, String aal, String... roles) {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        for (String role : roles) {
            groups.add(role);
        }
        Identity identity = new Identity(identityId, "default", null, "active", null,
                Json.createObjectBuilder().add("email", identityId + "@example.com").build(), null, null,
                Json.createObjectBuilder().add("roles", groups).build(), null, null);
        Instant now = Instant.now();
        return new Session("session-of-" + identityId, true, now.plusSeconds(3600), now, now, aal, null, null, identity, null);
    }
}
