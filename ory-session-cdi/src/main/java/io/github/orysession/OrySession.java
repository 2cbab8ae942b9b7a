package io.github.orysession;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.json.TypedJson;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/**
 * The current request's Ory session, injectable into any bean: {@code @Inject OrySession session}.
 * <p>
 * In an {@link Authenticated} resource or method the session is always present. Elsewhere it is resolved
 * on first use (one whoami call for the whole request, shared with the filter and the interceptor), and the
 * request may turn out to be <em>anonymous</em>: then {@link #isAuthenticated()} is {@code false},
 * {@link #current()} is empty, and the accessors that need a session ({@link #get()}, {@link #identity()},
 * {@link #id()}, ...) throw {@link UnauthenticatedException}, which the JAX-RS module answers with 401.
 * It is never {@code null}.
 *
 * <pre>{@code
 * @Inject OrySession session;
 *
 * String greeting() {
 *     return session.isAuthenticated() ? "Hello " + session.identity().email().orElse("?") : "Hello stranger";
 * }
 * }</pre>
 */
@RequestScoped
public class OrySession {

    private final SessionResolver resolver;

    /** For the CDI proxy only. */
    protected OrySession() {
        this.resolver = null;
    }

    /**
     * @param resolver the request's session resolver
     */
    @Inject
    OrySession(SessionResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * Whether the request carries a usable session.
     *
     * @return {@code true} when Kratos accepted the request's credentials
     * @throws OrySessionException when Kratos could not be asked (never answered {@code false} in that case)
     */
    public boolean isAuthenticated() {
        return resolver.result().session() != null;
    }

    /** The session, or empty when the request is anonymous. */
    public Optional<Session> current() {
        return resolver.result().sessionIfAny();
    }

    /**
     * The session.
     *
     * @return the session
     * @throws UnauthenticatedException when the request is anonymous
     */
    public Session get() {
        return resolver.require();
    }

    /** The identity of the session; throws {@link UnauthenticatedException} when anonymous. */
    public Identity identity() {
        return get().identity();
    }

    /** The session id; throws {@link UnauthenticatedException} when anonymous. */
    public String id() {
        return get().id();
    }

    /** The identity id (the subject); throws {@link UnauthenticatedException} when anonymous. */
    public String identityId() {
        return identity().id();
    }

    /** The assurance level of the session; throws {@link UnauthenticatedException} when anonymous. */
    public AuthenticatorAssuranceLevel assuranceLevel() {
        return get().assuranceLevel();
    }

    /** When the session expires; throws {@link UnauthenticatedException} when anonymous. */
    public Instant expiresAt() {
        return get().expiresAt();
    }

    /**
     * The session's roles: those of the identity at {@code ory.jwt.groups-pointer} (by default
     * {@code metadata_public.roles}) and those the application's {@link SessionAugmentor} adds. Worked out once per
     * session cache fill, not per request.
     *
     * @return the roles, never {@code null}
     * @throws UnauthenticatedException when the request is anonymous
     */
    public Set<String> roles() {
        return authenticated().grants().roles();
    }

    /**
     * @param role a role name
     * @return whether the session has it ({@link #roles()})
     * @throws UnauthenticatedException when the request is anonymous
     */
    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /**
     * The attributes the application's {@link SessionAugmentor} added to the session.
     *
     * @return the attributes, an empty object when there are none
     * @throws UnauthenticatedException when the request is anonymous
     */
    public JsonObject attributes() {
        return authenticated().grants().attributes();
    }

    /**
     * The augmentor's attributes as the application's own type, read with the server's JSON-B as
     * {@link io.github.orysession.model.Identity#traitsAs(Class)} reads traits.
     *
     * @param type a record or class
     * @param <T> that type
     * @return the attributes as that type
     * @throws UnauthenticatedException when the request is anonymous
     * @throws io.github.orysession.model.IdentityMappingException when they do not fit, naming the member
     */
    public <T> T attributesAs(Class<T> type) {
        return TypedJson.read(attributes(), "attributes", type);
    }

    private WhoamiResult authenticated() {
        resolver.require();
        return resolver.result();
    }
}
