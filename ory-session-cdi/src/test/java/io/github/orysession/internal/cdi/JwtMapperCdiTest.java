package io.github.orysession.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;

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

    private WeldContainer boot(boolean enabled) {
        System.setProperty(OryConfig.JWT_ENABLED, String.valueOf(enabled));
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
        Weld weld = new Weld().disableDiscovery().addExtension(new OrySessionExtension()).addExtension(new JwtExtension())
                .addBeanClasses(FakeLookup.class, RequestRunner.class);
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
    void disabledTheLibraryAddsNoTokenBean() {
        try (WeldContainer container = boot(false)) {
            assertThat(container.select(JsonWebToken.class).isResolvable()).as("no JsonWebToken bean when off").isFalse();
        }
    }
}
