package io.github.orysession.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.json.Json;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.github.orysession.MetadataPublic;
import io.github.orysession.Traits;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.model.Identity;
import io.github.orysession.model.IdentityMappingException;
import io.github.orysession.model.IdentitySchema;
import io.github.orysession.model.Session;

/** {@code @Inject @Traits T} and {@code @Inject @MetadataPublic T}: beans made per type, checked at deployment. */
class TraitsInjectionCdiTest {

    public record Person(String email, String name) {
    }

    public record Membership(List<String> roles) {
    }

    public sealed interface Member permits Customer, Employee {
    }

    @IdentitySchema("customer")
    public record Customer(String email) implements Member {
    }

    @IdentitySchema("employee")
    public record Employee(String email) implements Member {
    }

    @RequestScoped
    public static class Profile {
        @Inject
        @Traits
        Person person;
        @Inject
        @MetadataPublic
        Membership membership;
        @Inject
        @Traits
        Member member;

        String describe() {
            return person.name() + "|" + membership.roles() + "|" + member;
        }
    }

    /** Long-lived, so it asks per request. */
    @ApplicationScoped
    public static class Directory {
        @Inject
        @Traits
        Instance<Person> person;

        String name() {
            return person.get().name();
        }
    }

    @ApplicationScoped
    public static class Hoarder {
        @Inject
        @Traits
        Person person;
    }

    @RequestScoped
    public static class NotSealed {
        @Inject
        @Traits
        Runnable traits;
    }

    private static WeldContainer boot(Class<?>... beans) {
        return new Weld().disableDiscovery().addExtension(new OrySessionExtension()).addExtension(new IdentityDataExtension())
                .addBeanClasses(FakeLookup.class, RequestRunner.class).addBeanClasses(beans).initialize();
    }

    private static Session session(String schema, String traits, String metadata) {
        Identity identity = new Identity("id-" + schema, schema, null, "active", null,
                Json.createReader(new java.io.StringReader(traits)).readObject(), null, null,
                Json.createReader(new java.io.StringReader(metadata)).readObject(), null, null);
        return new Session("s-" + schema, true, Instant.now().plusSeconds(600), Instant.now(), Instant.now(), "aal1",
                null, null, identity, null);
    }

    @Test
    void eachRequestGetsItsOwnIdentitysTypedTraitsAndMetadata() {
        try (WeldContainer container = boot(Profile.class, Directory.class)) {
            FakeLookup kratos = container.select(FakeLookup.class).get();
            kratos.add("ada", session("customer", "{\"email\":\"ada@x\",\"name\":\"Ada\"}", "{\"roles\":[\"admin\"]}"));
            kratos.add("bob", session("employee", "{\"email\":\"bob@x\",\"name\":\"Bob\"}", "{\"roles\":[]}"));
            RequestRunner runner = container.select(RequestRunner.class).get();
            Directory directory = container.select(Directory.class).get();

            String ada = runner.inRequest(Credentials.ofToken("ada"), () -> CDI.current().select(Profile.class).get().describe());
            String bob = runner.inRequest(Credentials.ofToken("bob"), () -> CDI.current().select(Profile.class).get().describe());
            String viaInstance = runner.inRequest(Credentials.ofToken("bob"), directory::name);

            assertThat(ada).isEqualTo("Ada|[admin]|Customer[email=ada@x]");
            assertThat(bob).as("the schema picks the sealed interface's record").isEqualTo("Bob|[]|Employee[email=bob@x]");
            assertThat(viaInstance).as("Instance<T> in an application-scoped bean reads the current request").isEqualTo("Bob");
        }
    }

    @Test
    void anAnonymousRequestCannotHaveTraits() {
        try (WeldContainer container = boot(Profile.class)) {
            RequestRunner runner = container.select(RequestRunner.class).get();

            assertThatThrownBy(() -> runner.inRequest(Credentials.none(), () -> CDI.current().select(Profile.class).get().describe()))
                    .isInstanceOf(UnauthenticatedException.class);
        }
    }

    @Test
    void traitsThatDoNotFitFailNamingTheMember() {
        try (WeldContainer container = boot(Profile.class)) {
            container.select(FakeLookup.class).get().add("odd", session("customer", "{\"email\":\"o@x\",\"name\":{}}", "{}"));
            RequestRunner runner = container.select(RequestRunner.class).get();

            assertThatThrownBy(() -> runner.inRequest(Credentials.ofToken("odd"), () -> CDI.current().select(Profile.class).get().describe()))
                    .isInstanceOf(IdentityMappingException.class).hasMessageContaining("traits.name");
        }
    }

    @Test
    void aDirectInjectionIntoALongLivedBeanFailsTheDeployment() {
        assertThatThrownBy(() -> boot(Hoarder.class).close())
                .hasStackTraceContaining(DeploymentException.class.getName())
                .hasStackTraceContaining("@Traits at")
                .hasStackTraceContaining("Hoarder.person")
                .hasStackTraceContaining("would keep the first request's traits");
    }

    @Test
    void aTypeThatCanNeverBeReadFailsTheDeployment() {
        assertThatThrownBy(() -> boot(NotSealed.class).close())
                .hasStackTraceContaining("NotSealed.traits")
                .hasStackTraceContaining("only when it is sealed");
    }
}
