package io.github.orysession.test;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.github.orysession.KratosUnavailableException;
import io.github.orysession.RefusalReason;
import io.github.orysession.internal.client.AugmentingLookup;
import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.credentials.Credentials;

/**
 * Stands in for the library's session lookup (the cache in front of Kratos) in a Weld test: answers what
 * {@link TestKratos} says, and works out the session's roles and attributes as a cache fill does, the application's
 * {@code SessionAugmentor} included. Everything between it and the application (the resolver, the interceptor,
 * {@code OrySession}, the JSON Web Token mapper, the events) is the library's own.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 900)
@ApplicationScoped
@Typed(SessionLookup.class)
class KratosStandIn implements SessionLookup {

    private final AugmentingLookup augmenting;

    /** For the CDI proxy only. */
    KratosStandIn() {
        this.augmenting = null;
    }

    @Inject
    KratosStandIn(AugmentingLookup augmenting) {
        this.augmenting = augmenting;
    }

    @Override
    public WhoamiResult whoami(Credentials credentials) {
        TestKratos.called();
        TestKratos.Answer answer = TestKratos.current();
        if (answer.unavailable()) {
            throw new KratosUnavailableException("Kratos is unavailable (TestKratos.unavailable())", null);
        }
        if (answer.session() == null) {
            return WhoamiResult.rejected(answer.refusal());
        }
        if (!answer.session().isUsableAt(Instant.now())) {
            return WhoamiResult.rejected(RefusalReason.INACTIVE_SESSION);
        }
        return augmenting.grant(WhoamiResult.authenticated(answer.session(), List.of()));
    }
}
