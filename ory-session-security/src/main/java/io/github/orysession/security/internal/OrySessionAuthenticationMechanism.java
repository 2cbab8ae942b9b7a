package io.github.orysession.security.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.orysession.IdentityPrincipal;
import io.github.orysession.SessionRequirement;
import io.github.orysession.browser.LoginRedirects;
import io.github.orysession.internal.cdi.RequestCredentials;
import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.credentials.CredentialExtractor;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.http.FailureAnswer;
import io.github.orysession.internal.jwt.SessionTokens;
import io.github.orysession.security.OrySessionMechanismDefinition;

/**
 * The Jakarta Security mechanism {@link OrySessionMechanismDefinition} turns on: extract, verify, tell the container,
 * on every request (see the definition for what a request gets, and {@link Admission} for the decision).
 * <p>
 * It shares the request's {@link RequestCredentials} and {@link SessionResolver} with the rest of the library, so a
 * request that goes on to an {@code @Authenticated} JAX-RS resource, {@code OrySession} or the interceptor costs no
 * second whoami call, and its refusals are the library's {@link FailureAnswer}s, the JAX-RS filter's very answers. It
 * asks for no HTTP session ({@code @AutoApplySession}, {@code registerSession}): every request is verified again,
 * through the session cache.
 * <p>
 * A CDI alternative with a priority, so that when the server's own MicroProfile JWT adds its mechanism for
 * {@code @LoginConfig(authMethod = "MP-JWT")} (Payara does), this one is the application's mechanism without an
 * ambiguity, and hands requests with a bearer JWT to the server's (see {@link OrySessionMechanismExtension}).
 */
@Alternative
@Priority(OrySessionAuthenticationMechanism.PRIORITY)
@ApplicationScoped
public class OrySessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Enables the alternative application-wide, ahead of any plain mechanism bean. */
    static final int PRIORITY = jakarta.interceptor.Interceptor.Priority.LIBRARY_BEFORE + 500;

    private final UrlRequirements requirements;
    private final CredentialExtractor extractor;
    private final RequestCredentials credentials;
    private final SessionResolver resolver;
    private final LoginRedirects redirects;
    private final SessionTokens tokens;
    private final Supplier<HttpAuthenticationMechanism> serverJwt;

    /** For the CDI proxy only. */
    protected OrySessionAuthenticationMechanism() {
        this(null, null, null, null, null, null, null);
    }

    /**
     * @param extension what the deployment found: the definition's requirements, the server's MP-JWT mechanism
     * @param extractor reads credentials as the JAX-RS filter does
     * @param credentials the request's credentials, shared with the rest of the library
     * @param resolver the request's session, resolved once
     * @param redirects the login URLs and the return URL allow-list
     * @param tokens the JSON Web Token mapper, a bean only when {@code ory.jwt.enabled=true}
     */
    @Inject
    public OrySessionAuthenticationMechanism(OrySessionMechanismExtension extension, CredentialExtractor extractor,
                                             RequestCredentials credentials, SessionResolver resolver,
                                             LoginRedirects redirects, Instance<SessionTokens> tokens) {
        this(extension.requirements(), extractor, credentials, resolver, redirects,
                tokens.isResolvable() ? tokens.get() : null, extension.serverJwtMechanism().orElse(null));
    }

    OrySessionAuthenticationMechanism(UrlRequirements requirements, CredentialExtractor extractor,
                                      RequestCredentials credentials, SessionResolver resolver, LoginRedirects redirects,
                                      SessionTokens tokens, Supplier<HttpAuthenticationMechanism> serverJwt) {
        this.requirements = requirements;
        this.extractor = extractor;
        this.credentials = credentials;
        this.resolver = resolver;
        this.redirects = redirects;
        this.tokens = tokens;
        this.serverJwt = serverJwt;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (serverJwt != null && ServletExchange.carriesBearerJwt(request)) {
            // Authorization: Bearer <JWT> belongs to the server's MicroProfile JWT, which verifies it.
            return serverJwt.get().validateRequest(request, response, context);
        }
        Credentials offered = ServletExchange.credentials(extractor, request);
        credentials.set(offered);
        Optional<SessionRequirement> requirement = requirements.requirementFor(ServletExchange.path(request));
        boolean mandatory = context.isProtected() || context.isAuthenticationRequest() || requirement.isPresent();
        Admission.Outcome outcome = Admission.decide(offered, mandatory, requirement.orElse(null), resolver);
        if (outcome instanceof Admission.Caller caller) {
            return context.notifyContainerAboutLogin(principal(caller.verdict()),
                    caller.verdict().grants().roles()); // the groups pointer's and the augmentor's, per cache fill
        }
        if (outcome instanceof Admission.Refused refused) {
            FailureAnswer answer = FailureAnswer.of(refused.failure(), ServletExchange.view(request), redirects,
                    offered.wasOffered());
            try {
                ServletExchange.write(answer, response);
            } catch (IOException clientGone) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            // A redirect to Kratos's login continues the authentication dialog; anything else ends it.
            return answer.location().isPresent() ? AuthenticationStatus.SEND_CONTINUE : AuthenticationStatus.SEND_FAILURE;
        }
        return context.doNothing();
    }

    /** The caller: the identity, or the session as a JSON Web Token when the mapper is on (what JAX-RS sees too). */
    private Principal principal(WhoamiResult verdict) {
        return tokens == null ? new IdentityPrincipal(verdict.session()) : tokens.tokenFor(verdict);
    }

}
