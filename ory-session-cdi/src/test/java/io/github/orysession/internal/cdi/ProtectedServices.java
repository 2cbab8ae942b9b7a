package io.github.orysession.internal.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.orysession.Authenticated;
import io.github.orysession.OrySession;

/** Beans guarded by {@link Authenticated} at method and at class level. */
final class ProtectedServices {

    private ProtectedServices() {
    }

    @ApplicationScoped
    public static class MethodLevel {
        @Inject
        OrySession session;

        @Authenticated
        public String protectedIdentity() {
            return session.identityId();
        }

        public String greeting() {
            return session.isAuthenticated() ? "hello " + session.identity().email().orElseThrow() : "hello stranger";
        }
    }

    @ApplicationScoped
    @Authenticated
    public static class ClassLevel {
        @Inject
        OrySession session;

        public String sessionId() {
            return session.id();
        }
    }
}
