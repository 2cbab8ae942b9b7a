package io.github.orysession.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.Set;

import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.github.orysession.IdentityPrincipal;
import io.github.orysession.internal.cdi.RequestCredentials;
import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.internal.client.AugmentingLookup;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.jwt.GroupsPointer;
import io.github.orysession.internal.jwt.SessionTokens;
import io.github.orysession.internal.metrics.SessionMetrics;
import io.github.orysession.jwt.SessionJsonWebToken;

/** {@link OrySecurityContext}: the Ory identity as the principal, unless the server authenticated the request itself. */
class OrySecurityContextTest {

    private final FakeKratos kratos = new FakeKratos().knows("token-admin", "root", "aal1", "admin");

    /** The server's own security context, with or without a caller of its own. */
    private record ServerContext(Principal caller, Set<String> roles) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getAuthenticationScheme() {
            return caller == null ? null : "MP-JWT";
        }
    }

    private SessionResolver resolver(String token) {
        RequestCredentials credentials = new RequestCredentials();
        credentials.set(token == null ? Credentials.none() : Credentials.ofToken(token));
        // As in the application: the verdict's grants (the groups pointer's roles) are worked out behind the resolver.
        return new SessionResolver(credentials,
                new AugmentingLookup(kratos, null, new GroupsPointer(OryConfig.DEFAULT_JWT_GROUPS), new SessionMetrics()));
    }

    @Test
    void thePrincipalIsTheIdentityAskedForOnFirstUseOnly() {
        OrySecurityContext context = new OrySecurityContext(resolver("token-admin"), new ServerContext(null, Set.of()), null);
        assertThat(kratos.calls()).as("nothing asked before the principal is looked at").isZero();

        Principal principal = context.getUserPrincipal();

        assertThat(principal).isInstanceOf(IdentityPrincipal.class);
        assertThat(principal.getName()).isEqualTo("root");
        assertThat(context.getAuthenticationScheme()).isEqualTo(OrySecurityContext.AUTHENTICATION_SCHEME);
        assertThat(context.isSecure()).as("from the server's context").isTrue();
        assertThat(context.isUserInRole("admin")).as("without the mapper the session has no roles").isFalse();
        context.getUserPrincipal();
        assertThat(kratos.calls()).as("whoami calls for one request").isEqualTo(1);
    }

    @Test
    void withTheMapperThePrincipalIsATokenAndItsGroupsAreTheRoles() {
        SessionTokens tokens = new SessionTokens(OryConfig.load(ConfigProvider.getConfig()));
        OrySecurityContext context = new OrySecurityContext(resolver("token-admin"), new ServerContext(null, Set.of()), tokens);

        assertThat(context.getUserPrincipal()).isInstanceOf(SessionJsonWebToken.class);
        assertThat(context.isUserInRole("admin")).isTrue();
        assertThat(context.isUserInRole("auditor")).isFalse();
    }

    @Test
    void anAnonymousRequestHasNoPrincipalAndNoScheme() {
        OrySecurityContext context = new OrySecurityContext(resolver(null), new ServerContext(null, Set.of()), null);

        assertThat(context.getUserPrincipal()).isNull();
        assertThat(context.getAuthenticationScheme()).isNull();
        assertThat(kratos.calls()).as("no credentials, no whoami").isZero();
    }

    @Test
    void theServersOwnCallerStaysInChargeAndKratosIsNotAsked() {
        Principal verified = () -> "caller-from-a-verified-jwt";
        OrySecurityContext context = new OrySecurityContext(resolver("token-admin"),
                new ServerContext(verified, Set.of("reader")), null);

        assertThat(context.getUserPrincipal()).isSameAs(verified);
        assertThat(context.isUserInRole("reader")).isTrue();
        assertThat(context.isUserInRole("admin")).as("the session's roles do not mix in").isFalse();
        assertThat(context.getAuthenticationScheme()).isEqualTo("MP-JWT");
        assertThat(kratos.calls()).isZero();
    }

    @Test
    void whenTheServersCallerIsTheOneTheLibrarysMechanismGaveItTheLibraryAnswersForTheRoles() {
        SessionResolver resolver = resolver("token-admin");
        resolver.result(); // the Jakarta Security mechanism resolved the session earlier in the request
        SessionTokens tokens = new SessionTokens(OryConfig.load(ConfigProvider.getConfig()));
        Principal fromTheMechanism = () -> "root";
        OrySecurityContext context = new OrySecurityContext(resolver,
                new ServerContext(fromTheMechanism, Set.of()), tokens);

        assertThat(context.isUserInRole("admin"))
                .as("a role the container does not know (undeclared) but the session has").isTrue();
        assertThat(context.isUserInRole("auditor")).isFalse();
        assertThat(kratos.calls()).as("the one whoami of the request").isEqualTo(1);
    }
}
