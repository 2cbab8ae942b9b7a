package io.github.orysession.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.github.orysession.model.AuthenticationMethod;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/**
 * Builds a {@link Session} for a test, as Kratos's whoami would answer it. Start from {@link TestSessions#session()};
 * by default the session is active, signed in now with a password ({@code aal1}), expires in a day, and belongs to the
 * identity of {@link IdentityBuilder}'s defaults.
 *
 * <pre>{@code
 * Session session = TestSessions.session().email("ada@example.com").aal2().roles("admin").build();
 * Session stale = TestSessions.session().signedInAgo(Duration.ofHours(2)).build();
 * Session gone = TestSessions.session().expired().build();
 * }</pre>
 */
public final class SessionBuilder {

    private final IdentityBuilder identity = new IdentityBuilder();
    private Identity fixedIdentity;
    private String id;
    private AuthenticatorAssuranceLevel aal = AuthenticatorAssuranceLevel.AAL1;
    private Instant authenticatedAt;
    private Duration signedInAgo = Duration.ZERO;
    private Instant expiresAt;
    private boolean active = true;
    private String tokenized;

    SessionBuilder() {
    }

    /**
     * @param sessionId the session id; by default a UUID derived from the identity id
     * @return this
     */
    public SessionBuilder id(String sessionId) {
        this.id = sessionId;
        return this;
    }

    /**
     * @param identityId the identity id (the subject)
     * @return this
     * @see IdentityBuilder#id(String)
     */
    public SessionBuilder identityId(String identityId) {
        identity.id(identityId);
        return this;
    }

    /**
     * @param address the {@code email} trait
     * @return this
     * @see IdentityBuilder#email(String)
     */
    public SessionBuilder email(String address) {
        identity.email(address);
        return this;
    }

    /**
     * @param schema the identity schema id
     * @return this
     */
    public SessionBuilder schemaId(String schema) {
        identity.schemaId(schema);
        return this;
    }

    /**
     * @param name a top-level trait
     * @param value its value
     * @return this
     */
    public SessionBuilder trait(String name, String value) {
        identity.trait(name, value);
        return this;
    }

    /**
     * @param name a top-level trait
     * @param value its value, any JSON
     * @return this
     */
    public SessionBuilder trait(String name, JsonValue value) {
        identity.trait(name, value);
        return this;
    }

    /**
     * @param json every trait, as a JSON object
     * @return this
     */
    public SessionBuilder traits(String json) {
        identity.traits(json);
        return this;
    }

    /**
     * @param all every trait
     * @return this
     */
    public SessionBuilder traits(JsonObject all) {
        identity.traits(all);
        return this;
    }

    /**
     * @param json {@code metadata_public}, as a JSON object
     * @return this
     */
    public SessionBuilder metadataPublic(String json) {
        identity.metadataPublic(json);
        return this;
    }

    /**
     * @param names roles, in {@code metadata_public.roles}
     * @return this
     * @see IdentityBuilder#roles(String...)
     */
    public SessionBuilder roles(String... names) {
        identity.roles(names);
        return this;
    }

    /**
     * @param whole an identity built elsewhere, which replaces every identity setting of this builder
     * @return this
     */
    public SessionBuilder identity(Identity whole) {
        this.fixedIdentity = whole;
        return this;
    }

    /** @return this, signed in with a password only */
    public SessionBuilder aal1() {
        return aal(AuthenticatorAssuranceLevel.AAL1);
    }

    /** @return this, signed in with a password and a TOTP code */
    public SessionBuilder aal2() {
        return aal(AuthenticatorAssuranceLevel.AAL2);
    }

    /**
     * @param level {@code AAL1} (a password) or {@code AAL2} (a password and TOTP)
     * @return this
     */
    public SessionBuilder aal(AuthenticatorAssuranceLevel level) {
        this.aal = level;
        return this;
    }

    /**
     * @param ago how long before {@link #build()} the user signed in, for {@code @Authenticated(maxAgeSeconds = ...)}
     * @return this
     */
    public SessionBuilder signedInAgo(Duration ago) {
        this.signedInAgo = ago;
        this.authenticatedAt = null;
        return this;
    }

    /**
     * @param at when the user signed in
     * @return this
     */
    public SessionBuilder authenticatedAt(Instant at) {
        this.authenticatedAt = at;
        return this;
    }

    /**
     * @param at when the session expires
     * @return this
     */
    public SessionBuilder expiresAt(Instant at) {
        this.expiresAt = at;
        return this;
    }

    /** @return this, expired a minute before {@link #build()}: Kratos no longer vouches for it */
    public SessionBuilder expired() {
        this.expiresAt = Instant.now().minusSeconds(60);
        return this;
    }

    /** @return this, inactive: Kratos no longer vouches for it */
    public SessionBuilder inactive() {
        this.active = false;
        return this;
    }

    /**
     * @param jwt the Kratos-signed JWT of the session ({@code ory.session.tokenize-as})
     * @return this
     */
    public SessionBuilder tokenized(String jwt) {
        this.tokenized = jwt;
        return this;
    }

    /** @return the session */
    public Session build() {
        Identity owner = fixedIdentity != null ? fixedIdentity : identity.build();
        Instant now = Instant.now();
        Instant signedIn = authenticatedAt != null ? authenticatedAt : now.minus(signedInAgo);
        String sessionId = id != null ? id
                : UUID.nameUUIDFromBytes(("session:" + owner.id()).getBytes(StandardCharsets.UTF_8)).toString();
        List<AuthenticationMethod> methods = new ArrayList<>();
        methods.add(new AuthenticationMethod("password", "aal1", signedIn, null, null));
        if (aal.satisfies(AuthenticatorAssuranceLevel.AAL2)) {
            methods.add(new AuthenticationMethod("totp", aal.wireValue(), signedIn, null, null));
        }
        return new Session(sessionId, active, expiresAt != null ? expiresAt : now.plus(Duration.ofDays(1)), signedIn,
                signedIn, aal.wireValue(), methods, List.of(), owner, tokenized);
    }
}
