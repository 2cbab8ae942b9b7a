package io.github.orysession.test;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import io.github.orysession.RefusalReason;
import io.github.orysession.internal.cdi.RequestCredentials;
import io.github.orysession.internal.credentials.Credentials;

/**
 * The request's credentials in a Weld test, where no JAX-RS filter reads any: a session token when {@link TestKratos}
 * answers with a session or refuses one, none when the request is anonymous. What an entry point sets wins.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 900)
@RequestScoped
class StandInCredentials extends RequestCredentials {

    /** The token the test's requests carry; not a real one, and never sent anywhere. */
    static final String TOKEN = "ory_st_ory-session-test";

    private boolean setByEntryPoint;

    @Override
    public void set(Credentials credentials) {
        setByEntryPoint = true;
        super.set(credentials);
    }

    @Override
    public Credentials get() {
        if (setByEntryPoint) {
            return super.get();
        }
        RefusalReason refusal = TestKratos.current().refusal();
        if (refusal == null || refusal == RefusalReason.INVALID_SESSION || refusal == RefusalReason.INACTIVE_SESSION
                || refusal == RefusalReason.SESSION_AAL2_REQUIRED) {
            return Credentials.ofToken(TOKEN);
        }
        return refusal == RefusalReason.NO_CREDENTIALS ? Credentials.none() : Credentials.unusable(refusal);
    }
}
