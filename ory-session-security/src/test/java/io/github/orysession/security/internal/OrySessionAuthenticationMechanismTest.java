package io.github.orysession.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.IdentityPrincipal;
import io.github.orysession.KratosUnavailableException;
import io.github.orysession.browser.AllowedReturnUrl;
import io.github.orysession.browser.LoginRedirects;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.internal.cdi.RequestCredentials;
import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.internal.credentials.CookieNames;
import io.github.orysession.internal.credentials.CredentialExtractor;
import io.github.orysession.internal.json.Jsonp;
import io.github.orysession.internal.jwt.GroupsPointer;
import io.github.orysession.internal.jwt.SessionTokens;
import io.github.orysession.jwt.SessionJsonWebToken;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.security.OrySessionMechanismDefinition;
import io.github.orysession.security.UrlRequirement;

/** The mechanism's decisions, one request at a time, against a fake Kratos and recording servlet fakes. */
class OrySessionAuthenticationMechanismTest {

    private static final URI LOGIN = URI.create("https://auth.example.com/self-service/login/browser");
    private static final String APP = "http://app.example.com/example";

    @OrySessionMechanismDefinition(requirements = {
            @UrlRequirement(urlPatterns = "/second-factor.xhtml", aal = AuthenticatorAssuranceLevel.AAL2),
            @UrlRequirement(urlPatterns = "/recent/*", maxAgeSeconds = 60)})
    static final class Definition {
    }

    private final FakeKratos kratos = new FakeKratos();
    private RequestCredentials credentials;
    private SessionResolver resolver;

    @BeforeEach
    void users() {
        kratos.add("ory_st_alice", "alice");
        kratos.add("ory_st_admin", "root", "admin", "auditor");
        kratos.add("ory_st_twoFactors", "carol", "aal2", Instant.now());
        kratos.add("ory_st_stale", "dave", "aal1", Instant.now().minusSeconds(3600));
    }

    @Test
    void anOpenResourceWithoutCredentialsIsAnonymousWithoutAskingKratos() {
        FakeHttp.MessageContext context = new FakeHttp.MessageContext();

        AuthenticationStatus status = validate(FakeHttp.Request.get("/"), new FakeHttp.Response(), context);

        assertThat(status).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(context.didNothing).as("doNothing()").isTrue();
        assertThat(kratos.calls()).as("whoami calls").isZero();
    }

    @Test
    void anOpenResourceWithAValidSessionGetsTheCallerAndTheRolesFromMetadataPublic() {
        FakeHttp.MessageContext context = new FakeHttp.MessageContext();

        AuthenticationStatus status = validate(FakeHttp.Request.get("/").header("X-Session-Token", "ory_st_admin"),
                new FakeHttp.Response(), context);

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(context.principal).as("the principal").isInstanceOf(IdentityPrincipal.class);
        assertThat(context.principal.getName()).as("its name: the identity id").isEqualTo("root");
        assertThat(context.groups).as("groups from /metadata_public/roles").containsExactly("admin", "auditor");
    }

    @Test
    void theApplicationsAugmentorAddsItsRolesToTheContainersGroups() throws Exception {
        newRequest();
        io.github.orysession.internal.client.AugmentingLookup augmenting = new io.github.orysession.internal.client.AugmentingLookup(
                kratos, session -> io.github.orysession.Augmentation.roles("editor"),
                new GroupsPointer("/metadata_public/roles"), new io.github.orysession.internal.metrics.SessionMetrics());
        resolver = new SessionResolver(credentials, augmenting);
        OrySessionAuthenticationMechanism mechanism = new OrySessionAuthenticationMechanism(requirements(), extractor(),
                credentials, resolver, redirects(), null, null);
        FakeHttp.MessageContext context = new FakeHttp.MessageContext();

        AuthenticationStatus status = mechanism.validateRequest(
                FakeHttp.Request.get("/").header("X-Session-Token", "ory_st_admin").proxy(),
                new FakeHttp.Response().proxy(), context.proxy());

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(context.groups).as("metadata_public's roles and the augmentor's, as @RolesAllowed sees them")
                .containsExactlyInAnyOrder("admin", "auditor", "editor");
    }

    @Test
    void anOpenResourceWithARefusedOrUnusableCredentialIsAnonymous() {
        FakeHttp.MessageContext forged = new FakeHttp.MessageContext();
        assertThat(validate(FakeHttp.Request.get("/").header("Cookie", "ory_kratos_session=forged"),
                new FakeHttp.Response(), forged)).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(forged.principal).as("no caller for a session Kratos refused").isNull();

        int before = kratos.calls();
        FakeHttp.MessageContext huge = new FakeHttp.MessageContext();
        assertThat(validate(FakeHttp.Request.get("/").header("X-Session-Token", "x".repeat(5000)),
                new FakeHttp.Response(), huge)).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(kratos.calls() - before).as("an unusable credential never reaches Kratos").isZero();
    }

    @Test
    void anOpenResourceStaysAnonymousWhenKratosFailsButTheRequestNeverGetsASession() {
        FakeHttp.MessageContext context = new FakeHttp.MessageContext();

        AuthenticationStatus status = validate(FakeHttp.Request.get("/").header("X-Session-Token", FakeKratos.DOWN),
                new FakeHttp.Response(), context);

        assertThat(status).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(context.principal).isNull();
        assertThatThrownBy(resolver::require).as("OrySession, @Authenticated later in the same request")
                .isInstanceOf(KratosUnavailableException.class);
        assertThat(kratos.calls()).as("the failure is remembered, not asked again").isEqualTo(1);
    }

    @Test
    void aProtectedPageSendsABrowserWithoutASessionToTheLoginBackToThePage() {
        FakeHttp.Response response = new FakeHttp.Response();

        AuthenticationStatus status = validate(new FakeHttp.Request("GET", "/account.xhtml", "tab=2").asBrowserNavigation(),
                response, new FakeHttp.MessageContext().protectedResource());

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(response.status).isEqualTo(303);
        assertThat(response.headers.get("Location")).isEqualTo(LOGIN + "?return_to="
                + URLEncoder.encode(APP + "/account.xhtml?tab=2", StandardCharsets.UTF_8));
        assertThat(response.headers.get("Cache-Control")).isEqualTo("no-store");
        assertThat(response.committed).as("committed, so nothing after the mechanism changes it").isTrue();
        assertThat(kratos.calls()).isZero();
    }

    @Test
    void aProtectedResourceAnswersAnApiClientWithoutASessionWith401Json() {
        FakeHttp.Response response = new FakeHttp.Response();

        AuthenticationStatus status = validate(FakeHttp.Request.get("/servlet/me").header("Accept", "application/json"),
                response, new FakeHttp.MessageContext().protectedResource());

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(response.status).isEqualTo(401);
        assertThat(response.contentType).isEqualTo("application/json");
        assertThat(reason(response)).isEqualTo("no_credentials");
        assertThat(response.headers.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"ory\"");
    }

    @Test
    void aRevokedSessionOnAProtectedResourceIs401InvalidToken() {
        FakeHttp.Response response = new FakeHttp.Response();

        validate(FakeHttp.Request.get("/servlet/me").header("X-Session-Token", "ory_st_revoked"), response,
                new FakeHttp.MessageContext().protectedResource());

        assertThat(response.status).isEqualTo(401);
        assertThat(reason(response)).isEqualTo("invalid_session");
        assertThat(response.headers.get("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(response.body()).doesNotContain("ory_st_revoked");
    }

    @Test
    void kratosFailingOnAProtectedResourceIsNeverLetThroughNorA401() {
        FakeHttp.Response down = new FakeHttp.Response();
        FakeHttp.MessageContext context = new FakeHttp.MessageContext().protectedResource();
        // A browser too: a login cannot cure an outage.
        AuthenticationStatus status = validate(FakeHttp.Request.get("/account.xhtml").asBrowserNavigation()
                .header("Cookie", "ory_kratos_session=" + FakeKratos.DOWN), down, context);

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(context.principal).isNull();
        assertThat(down.status).isEqualTo(503);
        assertThat(reason(down)).isEqualTo("kratos_unavailable");
        assertThat(down.headers.get("Retry-After")).isEqualTo("5");

        FakeHttp.Response limited = new FakeHttp.Response();
        validate(FakeHttp.Request.get("/servlet/me").header("X-Session-Token", FakeKratos.RATE_LIMITED), limited,
                new FakeHttp.MessageContext().protectedResource());
        assertThat(limited.status).isEqualTo(429);
        assertThat(limited.headers.get("Retry-After")).as("Kratos's Retry-After passed on").isEqualTo("7");
    }

    @Test
    void anUnusableCredentialOnAProtectedResourceIsRefusedWithoutAskingKratos() {
        FakeHttp.Response response = new FakeHttp.Response();

        validate(FakeHttp.Request.get("/servlet/me").header("X-Session-Token", "x".repeat(5000)), response,
                new FakeHttp.MessageContext().protectedResource());

        assertThat(response.status).isEqualTo(401);
        assertThat(reason(response)).isEqualTo("credential_too_large");
        assertThat(kratos.calls()).isZero();
    }

    @Test
    void aProtectedResourceWithAValidSessionGetsTheCallerAndItsSessionIsResolvedOnceForTheWholeRequest() {
        FakeHttp.MessageContext context = new FakeHttp.MessageContext().protectedResource();

        AuthenticationStatus status = validate(FakeHttp.Request.get("/servlet/me").header("Cookie",
                "theme=dark; ory_kratos_session=ory_st_alice"), new FakeHttp.Response(), context);

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(context.principal.getName()).isEqualTo("alice");
        assertThat(context.groups).as("no roles in metadata_public").isEmpty();
        assertThat(credentials.get().sessionCookies()).as("the request's credentials, for the rest of the library: "
                + "the session cookie only").hasValue("ory_kratos_session=ory_st_alice");
        // What the JAX-RS filter, OrySession and the interceptor do later in the same request:
        assertThat(resolver.require().identity().id()).isEqualTo("alice");
        assertThat(kratos.calls()).as("whoami calls for the whole request").isEqualTo(1);
    }

    @Test
    void anExplicitAuthenticateCallNeedsASessionLikeAProtectedResource() {
        FakeHttp.MessageContext context = new FakeHttp.MessageContext();
        context.authenticationRequest = true;
        FakeHttp.Response response = new FakeHttp.Response();

        validate(FakeHttp.Request.get("/").header("Accept", "application/json"), response, context);

        assertThat(response.status).isEqualTo(401);
    }

    @Test
    void aUrlThatNeedsASecondFactorSendsAnAal1BrowserToTheAal2LoginAndAnswersAnApiClient403() {
        FakeHttp.Response browser = new FakeHttp.Response();
        AuthenticationStatus status = validate(FakeHttp.Request.get("/second-factor.xhtml").asBrowserNavigation()
                .header("Cookie", "ory_kratos_session=ory_st_alice"), browser, new FakeHttp.MessageContext());
        assertThat(status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(browser.headers.get("Location")).isEqualTo(LOGIN + "?aal=aal2&return_to="
                + URLEncoder.encode(APP + "/second-factor.xhtml", StandardCharsets.UTF_8));
        assertThat(kratos.calls()).as("asked again once before refusing: a cache may predate the step-up").isEqualTo(2);

        FakeHttp.Response api = new FakeHttp.Response();
        validate(FakeHttp.Request.get("/second-factor.xhtml").header("X-Session-Token", "ory_st_alice"), api,
                new FakeHttp.MessageContext());
        assertThat(api.status).isEqualTo(403);
        JsonObject body = json(api.body());
        assertThat(body.getJsonObject("error").getString("id")).isEqualTo("session_aal2_required");
        assertThat(body.getString("redirect_browser_to")).startsWith(LOGIN + "?aal=aal2");
    }

    @Test
    void aUrlThatNeedsASecondFactorLetsAnAal2SessionThroughAndOtherUrlsAnyone() {
        FakeHttp.MessageContext aal2 = new FakeHttp.MessageContext();
        assertThat(validate(FakeHttp.Request.get("/second-factor.xhtml").header("X-Session-Token", "ory_st_twoFactors"),
                new FakeHttp.Response(), aal2)).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(aal2.principal.getName()).isEqualTo("carol");

        FakeHttp.MessageContext elsewhere = new FakeHttp.MessageContext();
        assertThat(validate(FakeHttp.Request.get("/second-factor.xhtml.bak"), new FakeHttp.Response(), elsewhere))
                .as("an exact pattern matches that path only").isEqualTo(AuthenticationStatus.NOT_DONE);
    }

    @Test
    void kratosOwnSessionAal2RequiredIsAStepUpNotA401() {
        FakeHttp.Response response = new FakeHttp.Response();

        validate(FakeHttp.Request.get("/account.xhtml").asBrowserNavigation()
                .header("Cookie", "ory_kratos_session=" + FakeKratos.AAL2_REQUIRED), response,
                new FakeHttp.MessageContext().protectedResource());

        assertThat(response.status).isEqualTo(303);
        assertThat(response.headers.get("Location")).startsWith(LOGIN + "?aal=aal2&return_to=");
    }

    @Test
    void aUrlThatNeedsARecentSignInRefusesAStaleSession() {
        FakeHttp.Response stale = new FakeHttp.Response();
        validate(FakeHttp.Request.get("/recent/transfer").header("X-Session-Token", "ory_st_stale"), stale,
                new FakeHttp.MessageContext());
        assertThat(stale.status).isEqualTo(403);
        assertThat(json(stale.body()).getJsonObject("error").getString("id")).isEqualTo("session_refresh_required");

        FakeHttp.MessageContext fresh = new FakeHttp.MessageContext();
        assertThat(validate(FakeHttp.Request.get("/recent").header("X-Session-Token", "ory_st_alice"),
                new FakeHttp.Response(), fresh)).as("/recent/* covers /recent").isEqualTo(AuthenticationStatus.SUCCESS);
    }

    @Test
    void aBearerJwtGoesToTheServersMicroProfileJwtWhenTheApplicationUsesIt() throws Exception {
        AtomicInteger serverCalls = new AtomicInteger();
        HttpAuthenticationMechanism server = (request, response, context) -> {
            serverCalls.incrementAndGet();
            return AuthenticationStatus.SUCCESS;
        };
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqd3QtdXNlciJ9.c2lnbmF0dXJl";

        AuthenticationStatus status = mechanism(() -> server).validateRequest(FakeHttp.Request.get("/servlet/me")
                        .header("Authorization", "Bearer " + jwt).header("X-Session-Token", "ory_st_alice").proxy(),
                new FakeHttp.Response().proxy(), new FakeHttp.MessageContext().protectedResource().proxy());

        assertThat(status).as("the server's verdict").isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(serverCalls).hasValue(1);
        assertThat(kratos.calls()).as("Kratos is not asked for a request the server authenticates").isZero();

        FakeHttp.Response withoutServer = new FakeHttp.Response();
        validate(FakeHttp.Request.get("/servlet/me").header("Authorization", "Bearer " + jwt), withoutServer,
                new FakeHttp.MessageContext().protectedResource());
        assertThat(reason(withoutServer)).as("no MP-JWT: a JWT is no Ory credential, and never sent to Kratos")
                .isEqualTo("no_credentials");
        assertThat(kratos.calls()).isZero();
    }

    @Test
    void withTheJwtMapperOnTheCallerIsTheSessionAsAJsonWebToken() throws Exception {
        SessionTokens tokens = new SessionTokens(io.github.orysession.internal.config.OryConfig.load(
                org.eclipse.microprofile.config.ConfigProvider.getConfig()));
        FakeHttp.MessageContext context = new FakeHttp.MessageContext();
        newRequest();
        OrySessionAuthenticationMechanism mechanism = new OrySessionAuthenticationMechanism(requirements(),
                extractor(), credentials, resolver, redirects(), tokens, null);

        mechanism.validateRequest(FakeHttp.Request.get("/").header("X-Session-Token", "ory_st_admin").proxy(),
                new FakeHttp.Response().proxy(), context.proxy());

        assertThat(context.principal).isInstanceOf(SessionJsonWebToken.class);
        assertThat(context.principal.getName()).isEqualTo("root");
        assertThat(((SessionJsonWebToken) context.principal).getGroups()).containsExactlyInAnyOrder("admin", "auditor");
    }

    private AuthenticationStatus validate(FakeHttp.Request request, FakeHttp.Response response, FakeHttp.MessageContext context) {
        try {
            return mechanism(null).validateRequest(request.proxy(), response.proxy(), context.proxy());
        } catch (jakarta.security.enterprise.AuthenticationException e) {
            throw new AssertionError("the mechanism never throws for its own decisions", e);
        }
    }

    /** A mechanism for one request: fresh request-scoped state, as CDI gives each request. */
    private OrySessionAuthenticationMechanism mechanism(java.util.function.Supplier<HttpAuthenticationMechanism> serverJwt) {
        newRequest();
        return new OrySessionAuthenticationMechanism(requirements(), extractor(), credentials, resolver, redirects(), null,
                serverJwt);
    }

    private void newRequest() {
        credentials = new RequestCredentials();
        // As in the application: the groups pointer's roles are worked out behind the cache, once per fill.
        resolver = new SessionResolver(credentials, new io.github.orysession.internal.client.AugmentingLookup(kratos, null,
                new GroupsPointer("/metadata_public/roles"), new io.github.orysession.internal.metrics.SessionMetrics()));
    }

    private static UrlRequirements requirements() {
        return UrlRequirements.of(Definition.class.getAnnotation(OrySessionMechanismDefinition.class), Definition.class);
    }

    private static CredentialExtractor extractor() {
        return new CredentialExtractor(new CookieNames(List.of("ory_kratos_session", "ory_session_*")));
    }

    private static LoginRedirects redirects() {
        return new LoginRedirects(LOGIN, new ReturnToPolicy(List.of(AllowedReturnUrl.parse(APP)), URI.create(APP + "/")));
    }

    private static JsonObject json(String body) {
        return Jsonp.read(body).asJsonObject();
    }

    private static String reason(FakeHttp.Response response) {
        return json(response.body()).getJsonObject("error").getString("reason");
    }
}
