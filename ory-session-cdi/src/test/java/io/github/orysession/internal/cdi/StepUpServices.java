package io.github.orysession.internal.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.github.orysession.Authenticated;
import io.github.orysession.OrySession;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

/** Beans whose {@link Authenticated} asks for a second factor or a recent authentication. */
final class StepUpServices {

    private StepUpServices() {
    }

    @ApplicationScoped
    public static class Payments {
        @Inject
        OrySession session;

        @Authenticated(aal = AuthenticatorAssuranceLevel.AAL2)
        public String pay() {
            return "paid by " + session.get().authenticatorAssuranceLevel() + " session " + session.id();
        }

        @Authenticated(maxAgeSeconds = 60)
        public String changeEmail() {
            return "changed";
        }

        @Authenticated
        public String balance() {
            return "balance for " + session.assuranceLevel().wireValue();
        }
    }

    /** Class level asks for AAL2; one method relaxes it. Request-scoped, so its interceptors are made per request. */
    @RequestScoped
    @Authenticated(aal = AuthenticatorAssuranceLevel.AAL2)
    public static class Vault {
        public String open() {
            return "open";
        }

        @Authenticated
        public String peek() {
            return "peek";
        }
    }

    /** Invalid: fails the deployment. */
    @ApplicationScoped
    public static class Misconfigured {
        @Authenticated(maxAgeSeconds = 0)
        public String never() {
            return "never";
        }
    }
}
