package io.github.orysession.security.internal;

import io.github.orysession.OrySessionException;
import io.github.orysession.SessionRequirement;
import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.model.Session;

/**
 * What the mechanism does with one request: let it on without a caller, let it on with the session's caller, or refuse
 * it with the reason. Decided here, apart from the servlet API, so that every branch is tested as plain logic.
 * <ul>
 * <li>A request that must have a session (a protected resource, a URL with a requirement, or an explicit
 * {@code authenticate()}) gets its caller when the session meets the requirement, otherwise the failure: no or
 * invalid credentials, a step-up, Kratos unavailable ({@code 503}), rate-limiting ({@code 429}) or answering
 * garbage ({@code 502}). Never anonymous.</li>
 * <li>Any other request without credentials is anonymous without asking Kratos; with credentials it gets its caller
 * when Kratos vouches for the session, and stays anonymous when Kratos refuses them, since the resource admits
 * anonymous callers anyway. When Kratos cannot answer, it stays anonymous too: the resource is open, and the
 * failure is remembered by the request's {@link SessionResolver}, so anything that asks for the session later in the
 * request ({@code OrySession}, an {@code @Authenticated} resource or bean) gets the same {@code 503}, never a
 * session.</li>
 * </ul>
 */
final class Admission {

    private Admission() {
    }

    /** What becomes of the request. */
    sealed interface Outcome permits Anonymous, Caller, Refused {
    }

    /** On, without a caller. */
    record Anonymous() implements Outcome {
    }

    /**
     * On, as the session's identity.
     *
     * @param verdict Kratos's verdict, with the session and its roles (the groups pointer's and the application's
     *        augmentor's)
     */
    record Caller(WhoamiResult verdict) implements Outcome {

        /** The session Kratos vouched for. */
        Session session() {
            return verdict.session();
        }
    }

    /**
     * Not on.
     *
     * @param failure why, as the library answers it
     */
    record Refused(OrySessionException failure) implements Outcome {
    }

    private static final Anonymous ANONYMOUS = new Anonymous();

    /**
     * @param credentials what the request offered (already set as the request's credentials)
     * @param mandatory whether the request must have a session
     * @param requirement what the session must have, or {@code null} for any valid session
     * @param resolver the request's session resolver: at most one whoami call per request, failures remembered
     * @return the outcome
     */
    static Outcome decide(Credentials credentials, boolean mandatory, SessionRequirement requirement, SessionResolver resolver) {
        if (mandatory) {
            try {
                resolver.require(requirement == null ? SessionRequirement.ANY_SESSION : requirement);
                return new Caller(resolver.result());
            } catch (OrySessionException refused) {
                return new Refused(refused);
            }
        }
        if (!credentials.isPresent()) {
            return ANONYMOUS;
        }
        try {
            WhoamiResult verdict = resolver.result();
            return verdict.session() == null ? ANONYMOUS : new Caller(verdict);
        } catch (OrySessionException kratosFailed) {
            return ANONYMOUS;
        }
    }
}
