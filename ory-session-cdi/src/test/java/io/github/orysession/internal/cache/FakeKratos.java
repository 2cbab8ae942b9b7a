package io.github.orysession.internal.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.json.Json;

import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/** Stands in for Kratos behind the cache: knows tokens, counts calls, can be told to answer otherwise. */
final class FakeKratos implements SessionLookup {

    final AtomicInteger calls = new AtomicInteger();
    private final Map<String, WhoamiResult> answers = new ConcurrentHashMap<>();
    private final Clock clock;
    volatile Function<Credentials, WhoamiResult> override;

    FakeKratos(Clock clock) {
        this.clock = clock;
    }

    /** A session for {@code token} of identity {@code identityId}, expiring in {@code expiresIn}. */
    Session add(String token, String identityId, Duration expiresIn) {
        Session session = session("session-" + token, identityId, clock.instant().plus(expiresIn), null);
        answers.put(token, WhoamiResult.authenticated(session, List.of()));
        return session;
    }

    void answer(String token, WhoamiResult result) {
        answers.put(token, result);
    }

    static Session session(String id, String identityId, Instant expiresAt, String tokenized) {
        Identity identity = new Identity(identityId, "default", null, "active", null,
                Json.createObjectBuilder().add("email", identityId + "@example.com").build(), null, null, null, null, null);
        return new Session(id, true, expiresAt, Instant.EPOCH, Instant.EPOCH, "aal1", null, null, identity, tokenized);
    }

    @Override
    public WhoamiResult whoami(Credentials credentials) {
        calls.incrementAndGet();
        if (override != null) {
            return override.apply(credentials);
        }
        return answers.getOrDefault(credentials.sessionToken().orElse(""), WhoamiResult.unknown()); // Kratos's 401
    }
}
