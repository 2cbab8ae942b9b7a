package io.github.orysession.internal.jwt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;


import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.jwt.SessionJsonWebToken;
import io.github.orysession.model.Session;

/**
 * Turns a session into its {@link SessionJsonWebToken}, with the configured issuer and groups. A bean only when
 * {@value OryConfig#JWT_ENABLED} is {@code true}; the JAX-RS module uses it for the request's principal.
 */
@ApplicationScoped
public class SessionTokens {

    private final String issuer;
    private final GroupsPointer groups;

    /** For the CDI proxy only. */
    protected SessionTokens() {
        this.issuer = null;
        this.groups = null;
    }

    /**
     * @param config the library configuration
     */
    @Inject
    public SessionTokens(OryConfig config) {
        this.issuer = config.kratosUrl().toString();
        this.groups = JwtMapping.load(ConfigProvider.getConfig()).groups();
    }

    /**
     * @param session a usable session
     * @return the session as a JSON Web Token
     */
    public JsonWebToken tokenFor(Session session) {
        return new SessionJsonWebToken(session, issuer, groups.groupsOf(session.identity()));
    }

    /**
     * @param verdict a verdict with a usable session
     * @return the session as a JSON Web Token whose {@code groups} are the session's roles: the groups pointer's
     *         and the application's augmentor's, as worked out once per cache fill (the verdict's grants)
     */
    public JsonWebToken tokenFor(WhoamiResult verdict) {
        return new SessionJsonWebToken(verdict.session(), issuer, verdict.grants().roles());
    }
}
