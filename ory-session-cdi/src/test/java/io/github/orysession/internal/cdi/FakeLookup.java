package io.github.orysession.internal.cdi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.json.Json;

import io.github.orysession.KratosUnavailableException;
import io.github.orysession.RefusalReason;
import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/** Stands in for Kratos in the CDI tests, which test the wiring, not Kratos: knows tokens, counts calls. */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeLookup implements SessionLookup {

    static final String DOWN = "kratos-is-down";
    /** A token whose whoami calls wait for each other: they return only once {@link #meetTogether} callers are in. */
    static final String TOGETHER = "token-together";

    private volatile CyclicBarrier together = new CyclicBarrier(1);

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    void add(String token, String identityId) {
        Identity identity = new Identity(identityId, "default", null, "active", null,
                Json.createObjectBuilder().add("email", identityId + "@example.com").build(),
                null, null, null, null, null);
        sessions.put(token, new Session("session-of-" + identityId, true, Instant.now().plusSeconds(3600),
                Instant.now(), Instant.now(), "aal1", null, null, identity, null));
    }

    void add(String token, Session session) {
        sessions.put(token, session);
    }

    /** @param parties how many whoami calls with {@link #TOGETHER} must be in Kratos at the same time */
    void meetTogether(int parties) {
        together = new CyclicBarrier(parties);
    }

    int calls() {
        return calls.get();
    }

    @Override
    public WhoamiResult whoami(Credentials credentials) {
        calls.incrementAndGet();
        String token = credentials.sessionToken().orElse(null);
        if (DOWN.equals(token)) {
            throw new KratosUnavailableException("test: Kratos is down", null);
        }
        if (TOGETHER.equals(token)) {
            try {
                together.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("test: the other request never reached Kratos while this one was there", e);
            }
        }
        Session session = token == null ? null : sessions.get(token);
        return session == null ? WhoamiResult.rejected(RefusalReason.INVALID_SESSION) : WhoamiResult.authenticated(session, List.of());
    }
}
