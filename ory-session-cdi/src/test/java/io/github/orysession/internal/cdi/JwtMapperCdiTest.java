package io.github.orysession.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.jwt.JwtExtension;
import io.github.orysession.internal.jwt.ServerVerifiedToken;

/** The JSON Web Token mapper's beans exist only when enabled, and then give the request's session as a token. */
class JwtMapperCdiTest {

    /** Reads the token and claims the way an application would. */
    @RequestScoped
    public static class ClaimReader {
        @Inject
        JsonWebToken jwt;
        @Inject
        @Claim("sid")
        String sid;
        @Inject
        @Claim(standard = Claims.groups)
        Set<String> groups;
        @Inject
        @Claim(standard = Claims.email)
        Optional<String> email;
        @Inject
        @Claim(standard = Claims.sub)
        ClaimValue<String> sub;

        String name() {
            return jwt.getName();
        }

        String describe() {
            return jwt.getName() + "|" + sid + "|" + groups + "|" + email.orElse("-") + "|" + sub.getValue();
        }
    }

    /** Captures the first caller's subject for good: must fail the deployment. */
    @ApplicationScoped
    public static class SubjectCapturer {
        @Inject
        @Claim("sub")
        String subject;
    }

    /** Captures the first caller's email for good, through a constructor: must fail the deployment. */
    @Singleton
    public static class EmailCapturer {
        final Optional<String> email;

        @Inject
        EmailCapturer(@Claim(standard = Claims.email) Optional<String> email) {
            this.email = email;
        }
    }

    /** Reads the claims on each use, as MicroProfile JWT asks of a long-lived bean. */
    @ApplicationScoped
    public static class ClaimsOnEachUse {
        @Inject
        @Claim("sub")
        ClaimValue<String> subject;
        @Inject
        @Claim("sid")
        Provider<String> session;
        @Inject
        @Claim(standard = Claims.email)
        Instance<Optional<String>> email;

        String describe() {
            return subject.getValue() + "|" + session.get() + "|" + email.get().orElse("-");
        }
    }

    @AfterEach
    void reset() {
        System.clearProperty(OryConfig.JWT_ENABLED);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    /** A token the server verified: it has a raw token, unlike the library's session tokens. */
    private record VerifiedToken(String subject) implements JsonWebToken {
        @Override
        public String getName() {
            return subject;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of(Claims.sub.name(), Claims.raw_token.name());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            if (Claims.raw_token.name().equals(claimName)) {
                return (T) ("header.payload-of-" + subject + ".signature");
            }
            return Claims.sub.name().equals(claimName) ? (T) subject : null;
        }
    }

    private WeldContainer boot(boolean enabled, Class<?>... beans) {
        System.setProperty(OryConfig.JWT_ENABLED, String.valueOf(enabled));
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
        Weld weld = new Weld().disableDiscovery().addExtension(new OrySessionExtension()).addExtension(new JwtExtension())
                .addBeanClasses(FakeLookup.class, RequestRunner.class).addBeanClasses(beans);
        return (enabled ? weld.addBeanClasses(ClaimReader.class) : weld).initialize();
    }

    @Test
    void enabledTheSessionIsTheInjectedTokenAndItsClaims() {
        try (WeldContainer container = boot(true)) {
            container.select(FakeLookup.class).get().add("token-alice", "alice");
            RequestRunner runner = container.select(RequestRunner.class).get();

            String seen = runner.inRequest(Credentials.ofToken("token-alice"),
                    () -> CDI.current().select(ClaimReader.class).get().describe());
            String anonymous = runner.inRequest(Credentials.none(),
                    () -> CDI.current().select(ClaimReader.class).get().name());

            assertThat(seen).as("name|sid|groups|email|sub").isEqualTo("alice|session-of-alice|[]|alice@example.com|alice");
            assertThat(anonymous).as("an anonymous request gets a token without a name, not null").isNull();
        }
    }

    @Test
    void enabledATokenTheServerVerifiedWinsOverTheSession() {
        try (WeldContainer container = boot(true)) {
            FakeLookup kratos = container.select(FakeLookup.class).get();
            kratos.add("token-alice", "alice");
            RequestRunner runner = container.select(RequestRunner.class).get();

            String seen = runner.inRequest(Credentials.ofToken("token-alice"), () -> {
                CDI.current().select(ServerVerifiedToken.class).get().offer(new VerifiedToken("bob-from-the-jwt"));
                return CDI.current().select(ClaimReader.class).get().describe();
            });
            int kratosCalls = kratos.calls();
            String next = runner.inRequest(Credentials.ofToken("token-alice"),
                    () -> CDI.current().select(ClaimReader.class).get().name());

            assertThat(seen).as("name|sid|groups|email|sub of the token the server verified")
                    .isEqualTo("bob-from-the-jwt|null|null|-|bob-from-the-jwt");
            assertThat(kratosCalls).as("Kratos is not asked when the server verified the request's token").isZero();
            assertThat(next).as("the next request, without one, gets its session: nothing leaks").isEqualTo("alice");
        }
    }

    @Test
    void enabledAPlainClaimInALongLivedBeanFailsTheDeploymentNamingTheInjectionPoint() {
        assertThatThrownBy(() -> boot(true, SubjectCapturer.class).close())
                .as("@Claim String in an @ApplicationScoped bean")
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining(SubjectCapturer.class.getName() + ".subject")
                .hasMessageContaining("@ApplicationScoped")
                .hasMessageContaining("ClaimValue<T>, Provider<T> or Instance<T>");
        assertThatThrownBy(() -> boot(true, EmailCapturer.class).close())
                .as("@Claim Optional<String> in a @Singleton bean's constructor")
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("the constructor of " + EmailCapturer.class.getName() + ", parameter 0")
                .hasMessageContaining("@Singleton");
    }

    @Test
    void enabledALongLivedBeanReadsClaimsOnEachUseThroughClaimValueProviderAndInstance() {
        try (WeldContainer container = boot(true, ClaimsOnEachUse.class)) {
            FakeLookup kratos = container.select(FakeLookup.class).get();
            kratos.add("token-alice", "alice");
            kratos.add("token-bob", "bob");
            RequestRunner runner = container.select(RequestRunner.class).get();
            ClaimsOnEachUse bean = container.select(ClaimsOnEachUse.class).get();

            String alice = runner.inRequest(Credentials.ofToken("token-alice"), bean::describe);
            String bob = runner.inRequest(Credentials.ofToken("token-bob"), bean::describe);

            assertThat(alice).as("sub|sid|email of the first caller").isEqualTo("alice|session-of-alice|alice@example.com");
            assertThat(bob).as("the same bean, the next caller's claims").isEqualTo("bob|session-of-bob|bob@example.com");
        }
    }

    @Test
    void disabledTheLibraryAddsNoTokenBean() {
        try (WeldContainer container = boot(false)) {
            assertThat(container.select(JsonWebToken.class).isResolvable()).as("no JsonWebToken bean when off").isFalse();
        }
    }
}
