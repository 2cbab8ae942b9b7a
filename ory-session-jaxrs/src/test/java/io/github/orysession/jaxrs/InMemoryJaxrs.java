package io.github.orysession.jaxrs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;

import io.github.orysession.SessionAugmentor;
import io.github.orysession.browser.AllowedReturnUrl;
import io.github.orysession.browser.LoginRedirects;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.internal.cdi.RequestCredentials;
import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.internal.client.AugmentingLookup;
import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.CredentialExtractor;
import io.github.orysession.internal.jwt.GroupsPointer;
import io.github.orysession.internal.jwt.ServerVerifiedToken;
import io.github.orysession.internal.jwt.SessionTokens;
import io.github.orysession.internal.metrics.SessionMetrics;

/**
 * Sends one request at a time through RESTEasy's in-memory dispatcher, a real JAX-RS runtime, with the library's
 * providers registered as a server's scan would register them, against a {@link FakeKratos}. Each request gets its
 * own {@link RequestCredentials} and {@link SessionResolver}, as CDI's request scope would give it.
 */
final class InMemoryJaxrs {

    /** Kratos's browser login, where browsers without a session are sent. */
    static final URI LOGIN = URI.create("https://kratos.example/self-service/login/browser");
    /** The base URL of the in-memory requests, which the return URL allow-list admits. */
    static final String BASE = "http://localhost";
    /** A browser's {@code Accept} header. */
    static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final FakeKratos kratos;
    private final List<Class<?>> resources;
    private final List<Object> providers = new ArrayList<>();
    private boolean mapper;
    private boolean credentialsFilter = true;
    private SessionAugmentor augmentor;

    private InMemoryJaxrs(FakeKratos kratos, List<Class<?>> resources) {
        this.kratos = kratos;
        this.resources = resources;
    }

    /**
     * @param kratos the sessions Kratos knows
     * @param resources the resource classes
     * @return a runtime with the JSON Web Token mapper off
     */
    static InMemoryJaxrs of(FakeKratos kratos, Class<?>... resources) {
        return new InMemoryJaxrs(kratos, List.of(resources));
    }

    /** @return this, with the JSON Web Token mapper on ({@code ory.jwt.enabled=true}) */
    InMemoryJaxrs withJwtMapper() {
        mapper = true;
        return this;
    }

    /**
     * @param application the application's session augmentor, called on each lookup (there is no cache here)
     * @return this
     */
    InMemoryJaxrs withAugmentor(SessionAugmentor application) {
        augmentor = application;
        return this;
    }

    /** @return this, without {@link SessionCredentialsFilter}, as an application that lists its classes and forgot it */
    InMemoryJaxrs withoutCredentialsFilter() {
        credentialsFilter = false;
        return this;
    }

    /**
     * @param provider an application provider, such as a response filter, registered before the library's
     * @return this
     */
    InMemoryJaxrs with(Object provider) {
        providers.add(provider);
        return this;
    }

    /**
     * @param path the request path, such as {@code /things/1}
     * @param headers name, value, name, value...
     * @return the response
     */
    Answer get(String path, String... headers) throws Exception {
        MockHttpRequest request = MockHttpRequest.create("GET", URI.create(BASE + path), URI.create(BASE + "/"));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        Dispatcher dispatcher = MockDispatcherFactory.createDispatcher();
        LibraryBeans beans = beans();
        providers.forEach(dispatcher.getProviderFactory()::register);
        if (credentialsFilter) {
            dispatcher.getProviderFactory().register(new SessionCredentialsFilter(beans));
        }
        dispatcher.getProviderFactory().register(new AuthenticatedFeature(beans));
        dispatcher.getProviderFactory().register(new RolesAllowedFeature(beans));
        dispatcher.getProviderFactory().register(new OrySessionExceptionMapper(beans));
        for (Class<?> resource : resources) {
            dispatcher.getRegistry().addPerRequestResource(resource);
        }
        MockHttpResponse response = new MockHttpResponse();
        dispatcher.invoke(request, response);
        return new Answer(response.getStatus(), response.getOutputHeaders(), response.getContentAsString());
    }

    private LibraryBeans beans() {
        RequestCredentials credentials = new RequestCredentials();
        OryConfig config = OryConfig.load(ConfigProvider.getConfig());
        LoginRedirects redirects = new LoginRedirects(LOGIN,
                new ReturnToPolicy(List.of(AllowedReturnUrl.parse(BASE)), null));
        // As in the application, every verdict gets its grants (the groups pointer's roles, and the augmentor's) behind
        // the resolver.
        SessionLookup lookup = new AugmentingLookup(kratos, augmentor, new GroupsPointer(OryConfig.DEFAULT_JWT_GROUPS),
                new SessionMetrics());
        return new LibraryBeans(new LibraryBeans.Beans(new CredentialExtractor(config.cookieNames()), credentials,
                new SessionResolver(credentials, lookup), mapper ? new SessionTokens(config) : null,
                mapper ? new ServerVerifiedToken() : null, redirects, config.cookieNames()), augmentor != null);
    }

    /**
     * A response.
     *
     * @param status the status
     * @param headers the headers
     * @param body the body as text
     */
    record Answer(int status, MultivaluedMap<String, Object> headers, String body) {

        /** @return the header's values, as text, in order */
        List<String> header(String name) {
            List<String> values = new ArrayList<>();
            headers.forEach((key, list) -> {
                if (key.equalsIgnoreCase(name)) {
                    list.forEach(value -> values.add(String.valueOf(value)));
                }
            });
            return values;
        }

        /** @return the {@code error.reason} of the library's JSON error */
        String reason() {
            return json().getJsonObject("error").getString("reason");
        }

        JsonObject json() {
            return Json.createReader(new java.io.StringReader(body)).readObject();
        }
    }
}
