package io.github.orysession.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.github.orysession.KratosUnavailableException;
import io.github.orysession.OrySession;
import io.github.orysession.RefusalReason;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.events.AuthenticatedRequest;
import io.github.orysession.events.CredentialKind;
import io.github.orysession.events.KratosUnavailable;
import io.github.orysession.events.RefusedCredential;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

/** The events the resolver fires for an application that observes them. */
class SessionEventsCdiTest {

    /** Records every event, and reads the session from inside the observer. */
    @ApplicationScoped
    public static class Audit {
        final List<Object> seen = new CopyOnWriteArrayList<>();
        final List<String> sessionInObserver = new CopyOnWriteArrayList<>();
        final CountDownLatch async = new CountDownLatch(1);

        @Inject
        OrySession session;

        List<Object> seen() {
            return seen;
        }

        List<String> sessionInObserver() {
            return sessionInObserver;
        }

        boolean awaitAsync() throws InterruptedException {
            return async.await(10, TimeUnit.SECONDS);
        }

        void authenticated(@Observes AuthenticatedRequest event) {
            seen.add(event);
            sessionInObserver.add(session.identityId());
        }

        void refused(@Observes RefusedCredential event) {
            seen.add(event);
        }

        void unavailable(@Observes KratosUnavailable event) {
            seen.add(event);
        }

        void later(@ObservesAsync RefusedCredential event) {
            async.countDown();
        }
    }

    /** An observer that fails: the request's verdict must not change. */
    @ApplicationScoped
    public static class Broken {
        void authenticated(@Observes AuthenticatedRequest event) {
            throw new IllegalStateException("the audit database is down");
        }
    }

    private static WeldContainer boot(Class<?>... beans) {
        return new Weld().disableDiscovery().addExtension(new OrySessionExtension())
                .addBeanClasses(FakeLookup.class, RequestRunner.class).addBeanClasses(beans).initialize();
    }

    @Test
    void aSessionIsAnnouncedOncePerRequestWithoutTheCredential() {
        try (WeldContainer container = boot(Audit.class)) {
            container.select(FakeLookup.class).get().add("token-alice", "alice");
            Audit audit = container.select(Audit.class).get();
            OrySession session = container.select(OrySession.class).get();

            container.select(RequestRunner.class).get().inRequest(Credentials.ofToken("token-alice"), () -> {
                session.identityId();
                return session.isAuthenticated();
            });

            assertThat(audit.seen()).containsExactly(new AuthenticatedRequest("alice", "session-of-alice",
                    AuthenticatorAssuranceLevel.AAL1, CredentialKind.SESSION_TOKEN));
            assertThat(audit.sessionInObserver()).as("an observer can read the session it is told about").containsExactly("alice");
            assertThat(audit.seen().toString()).doesNotContain("token-alice");
        }
    }

    @Test
    void aRefusedCredentialIsAnnouncedByItsFingerprintOnly() throws Exception {
        try (WeldContainer container = boot(Audit.class)) {
            Audit audit = container.select(Audit.class).get();
            OrySession session = container.select(OrySession.class).get();
            RequestRunner runner = container.select(RequestRunner.class).get();

            runner.inRequest(Credentials.ofToken("forged-token"), session::isAuthenticated);
            runner.inRequest(Credentials.none(), session::isAuthenticated);
            runner.inRequest(Credentials.unusable(RefusalReason.CREDENTIAL_TOO_LARGE), session::isAuthenticated);

            String fingerprint = Credentials.ofToken("forged-token").fingerprint().substring(0, 12);
            assertThat(audit.seen()).as("nothing for a request that offered nothing").containsExactly(
                    new RefusedCredential(RefusalReason.INVALID_SESSION, CredentialKind.SESSION_TOKEN, fingerprint),
                    new RefusedCredential(RefusalReason.CREDENTIAL_TOO_LARGE, CredentialKind.UNUSABLE, ""));
            assertThat(audit.seen().toString()).doesNotContain("forged-token");
            assertThat(audit.awaitAsync()).as("the asynchronous observer was told too").isTrue();
        }
    }

    @Test
    void kratosFailingIsAnnounced() {
        try (WeldContainer container = boot(Audit.class)) {
            Audit audit = container.select(Audit.class).get();
            OrySession session = container.select(OrySession.class).get();

            assertThatThrownBy(() -> container.select(RequestRunner.class).get()
                    .inRequest(Credentials.ofToken(FakeLookup.DOWN), session::isAuthenticated))
                    .isInstanceOf(KratosUnavailableException.class);

            assertThat(audit.seen()).containsExactly(new KratosUnavailable("kratos_unavailable", 503, "test: Kratos is down"));
        }
    }

    @Test
    void aFailingObserverChangesNothing() {
        try (WeldContainer container = boot(Broken.class)) {
            container.select(FakeLookup.class).get().add("token-bob", "bob");
            OrySession session = container.select(OrySession.class).get();
            RequestRunner runner = container.select(RequestRunner.class).get();

            assertThat(runner.inRequest(Credentials.ofToken("token-bob"), session::identityId)).isEqualTo("bob");
            assertThatThrownBy(() -> runner.inRequest(Credentials.none(), session::identityId))
                    .isInstanceOf(UnauthenticatedException.class);
        }
    }
}
