package io.github.orysession.cdi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.github.orysession.OrySessionException;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.client.SessionLookup;
import io.github.orysession.client.WhoamiResult;
import io.github.orysession.credentials.Credentials;
import io.github.orysession.model.Session;

/**
 * Resolves the current request's session once and remembers the verdict, failures included, for the rest of
 * the request: however many filters, interceptors and beans ask, Kratos is asked at most once per request.
 */
@RequestScoped
public class SessionResolver {

    private final RequestCredentials credentials;
    private final SessionLookup lookup;
    private WhoamiResult result;
    private OrySessionException failure;

    /** For the CDI proxy only. */
    protected SessionResolver() {
        this.credentials = null;
        this.lookup = null;
    }

    /**
     * @param credentials the request's credentials
     * @param lookup asks Kratos
     */
    @Inject
    public SessionResolver(RequestCredentials credentials, SessionLookup lookup) {
        this.credentials = credentials;
        this.lookup = lookup;
    }

    /**
     * Kratos's verdict on this request, asked on first use.
     *
     * @return the verdict
     * @throws OrySessionException when Kratos could not give one (the same exception again on later calls)
     */
    public synchronized WhoamiResult result() {
        if (failure != null) {
            throw failure;
        }
        if (result == null) {
            Credentials offered = credentials.get();
            try {
                // Nothing, or something that cannot be a credential: no need to ask Kratos (or a cache).
                result = offered.isPresent() ? lookup.whoami(offered)
                        : WhoamiResult.rejected(offered.unusableReason().orElse("no_credentials"));
            } catch (OrySessionException e) {
                failure = e;
                throw e;
            }
        }
        return result;
    }

    /**
     * The session, or an exception that says why there is none.
     *
     * @return the usable session
     * @throws UnauthenticatedException when the request has no usable session
     * @throws OrySessionException when Kratos could not give a verdict
     */
    public Session require() {
        WhoamiResult verdict = result();
        if (verdict.session() == null) {
            throw new UnauthenticatedException(verdict.rejection(), message(verdict.rejection()));
        }
        return verdict.session();
    }

    private static String message(String rejection) {
        return switch (rejection == null ? "" : rejection) {
            case "no_credentials" -> "No Ory session cookie or session token was sent";
            case "inactive_session" -> "The Ory session is inactive or expired";
            case "credential_too_large" -> "The session token or cookie is larger than any Ory session credential";
            case "malformed_credential" -> "The session token or cookie contains characters no Ory credential has";
            case "too_many_session_cookies" -> "The request carries more session cookies than a browser sends";
            default -> "The Ory session is invalid, expired or revoked";
        };
    }
}
