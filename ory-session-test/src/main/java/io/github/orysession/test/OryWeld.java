package io.github.orysession.test;

import java.util.List;
import java.util.ServiceLoader;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.Extension;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.WeldInitiator;

/**
 * A Weld JUnit 5 container with the library in it and Kratos replaced by {@link TestKratos}: the library's CDI
 * extensions (as a server would load them), the beans under test, and the request context active for each test
 * method (one test method, one request). Configuration comes from MicroProfile Config as in the application
 * ({@code META-INF/microprofile-config.properties} on the test class path, system properties); {@code ory.kratos.url}
 * may be left out, since nothing calls Kratos.
 *
 * <pre>{@code
 * @EnableWeld
 * class MeResourceTest {
 *     @WeldSetup
 *     WeldInitiator weld = OryWeld.of(MeResource.class);
 *
 *     @Inject
 *     MeResource me;
 *
 *     @Test
 *     @WithOrySession(email = "ada@example.com")
 *     void greetsTheSignedInUser() {
 *         assertThat(me.greeting().getString("message")).isEqualTo("Hello, ada@example.com");
 *     }
 * }
 * }</pre>
 */
public final class OryWeld {

    private static final String LIBRARY = "io.github.orysession.";
    private static final String KIT = "io.github.orysession.test.";

    private OryWeld() {
    }

    /**
     * @param beanClasses the application's beans the test needs (its resources, its {@code SessionAugmentor}, ...)
     * @return the container, for a {@code @WeldSetup} field
     */
    public static WeldInitiator of(Class<?>... beanClasses) {
        return builder(beanClasses).build();
    }

    /**
     * @param beanClasses the application's beans the test needs
     * @return a builder, to add what weld-junit offers ({@code inject}, {@code addBeans}, more scopes) before
     *         {@code build()}
     */
    public static WeldInitiator.Builder builder(Class<?>... beanClasses) {
        return WeldInitiator.from(weld(beanClasses)).activate(RequestScoped.class);
    }

    /**
     * @param beanClasses the application's beans the test needs
     * @return the Weld configuration, for tests that start it themselves
     */
    public static Weld weld(Class<?>... beanClasses) {
        Weld weld = WeldInitiator.createWeld();
        libraryExtensions().forEach(weld::addExtension);
        return weld.addBeanClasses(KratosStandIn.class, StandInCredentials.class).addBeanClasses(beanClasses);
    }

    /** The library's portable extensions, found as the server finds them, so that the kit never misses a new one. */
    static List<Extension> libraryExtensions() {
        return ServiceLoader.load(Extension.class, OryWeld.class.getClassLoader()).stream()
                .filter(provider -> provider.type().getName().startsWith(LIBRARY)
                        && !provider.type().getName().startsWith(KIT))
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
