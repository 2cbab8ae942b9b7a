package io.github.orysession.internal.propagation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.orysession.model.Session;

/** A request as {@link IdentityCapture} sees it, with answers the test sets and counts. */
final class StubRequest implements CurrentRequest {

    boolean active = true;
    String sessionToken;
    Supplier<Session> session;
    final Deque<Supplier<Session>> renewals = new ArrayDeque<>();
    int renewed;

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public Session session() {
        return session.get();
    }

    @Override
    public Session renewedSession() {
        renewed++;
        session = renewals.isEmpty() ? session : renewals.poll();
        return session.get();
    }

    @Override
    public Optional<String> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }
}
