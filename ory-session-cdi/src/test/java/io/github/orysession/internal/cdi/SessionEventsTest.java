package io.github.orysession.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;

import org.junit.jupiter.api.Test;

import io.github.orysession.KratosUnavailableException;
import io.github.orysession.RefusalReason;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/** Nobody observes: the resolver's path builds no event and calls no {@code Event} method. */
class SessionEventsTest {

    private final AtomicInteger observerLookups = new AtomicInteger();
    private final AtomicInteger eventCalls = new AtomicInteger();

    @SuppressWarnings("unchecked")
    private <T> T counting(Class<T> type, AtomicInteger calls, Object answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            calls.incrementAndGet();
            return answer;
        });
    }

    @Test
    void withoutObserversNothingIsFiredAndTheContainerIsAskedOnce() {
        BeanManager beans = counting(BeanManager.class, observerLookups, Set.of());
        @SuppressWarnings("unchecked")
        SessionEvents events = new SessionEvents(beans, counting(Event.class, eventCalls, null),
                counting(Event.class, eventCalls, null), counting(Event.class, eventCalls, null));
        Session session = new Session("s", true, Instant.now().plusSeconds(60), null, null, "aal1", null, null,
                new Identity("i", "default", null, null, null, null, null, null, null, null, null), null);
        RequestCredentials holder = new RequestCredentials();
        holder.set(Credentials.ofToken("t"));

        for (int i = 0; i < 1000; i++) {
            new SessionResolver(holder, offered -> WhoamiResult.authenticated(session, List.of()), events).result();
            events.refused(Credentials.ofToken("x"), RefusalReason.INVALID_SESSION);
            events.failed(new KratosUnavailableException("down", null));
        }

        assertThat(eventCalls.get()).as("calls on Event when nobody observes").isZero();
        assertThat(observerLookups.get()).as("the container is asked once per event type, ever").isEqualTo(3);
    }
}
