package io.github.orysession.test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import io.github.orysession.model.Identity;
import io.github.orysession.model.RecoveryAddress;
import io.github.orysession.model.VerifiableAddress;

/**
 * Builds an {@link Identity} for a test, as Kratos would send it, without its eleven-argument constructor. Start from
 * {@link TestSessions#identity()}; every value has a default: the email {@code user@example.com}, an id derived from
 * the email (the same email gives the same id), the schema {@code default}, active.
 *
 * <pre>{@code
 * Identity ada = TestSessions.identity().email("ada@example.com").trait("name", "Ada").roles("admin").build();
 * }</pre>
 */
public final class IdentityBuilder {

    private String id;
    private String email = TestSessions.DEFAULT_EMAIL;
    private String schemaId = "default";
    private String state = "active";
    private JsonObject traits = JsonValue.EMPTY_JSON_OBJECT;
    private JsonObject metadataPublic;
    private final List<String> roles = new ArrayList<>();

    IdentityBuilder() {
    }

    /**
     * @param identityId the identity id (the subject); by default a UUID derived from the email
     * @return this
     */
    public IdentityBuilder id(String identityId) {
        this.id = identityId;
        return this;
    }

    /**
     * @param address the {@code email} trait, also the verifiable and recovery address; {@code null} for none
     * @return this
     */
    public IdentityBuilder email(String address) {
        this.email = address;
        return this;
    }

    /**
     * @param schema the identity schema id ({@code schema_id})
     * @return this
     */
    public IdentityBuilder schemaId(String schema) {
        this.schemaId = schema;
        return this;
    }

    /** @return this, with the identity's state {@code inactive}: Kratos gives such an identity no usable session */
    public IdentityBuilder inactive() {
        this.state = "inactive";
        return this;
    }

    /**
     * @param name a top-level trait
     * @param value its value
     * @return this
     */
    public IdentityBuilder trait(String name, String value) {
        return trait(name, Json.createValue(value));
    }

    /**
     * @param name a top-level trait
     * @param value its value, any JSON
     * @return this
     */
    public IdentityBuilder trait(String name, JsonValue value) {
        this.traits = Json.createObjectBuilder(traits).add(name, value).build();
        return this;
    }

    /**
     * @param json every trait as a JSON object, such as {@code {"name":{"first":"Ada"}}}; the email is added unless
     *        it has one
     * @return this
     */
    public IdentityBuilder traits(String json) {
        return traits(parse(json, "traits"));
    }

    /**
     * @param all every trait; the email is added unless it has one
     * @return this
     */
    public IdentityBuilder traits(JsonObject all) {
        this.traits = all == null ? JsonValue.EMPTY_JSON_OBJECT : all;
        return this;
    }

    /**
     * @param json {@code metadata_public} as a JSON object; {@link #roles(String...)} are added to it
     * @return this
     */
    public IdentityBuilder metadataPublic(String json) {
        return metadataPublic(parse(json, "metadata_public"));
    }

    /**
     * @param metadata {@code metadata_public}; {@link #roles(String...)} are added to it
     * @return this
     */
    public IdentityBuilder metadataPublic(JsonObject metadata) {
        this.metadataPublic = metadata;
        return this;
    }

    /**
     * @param names roles, written to {@code metadata_public.roles}: where the library's groups pointer
     *        ({@code ory.jwt.groups-pointer}) looks by default. With another pointer, set that member with
     *        {@link #trait(String, JsonValue)} or {@link #metadataPublic(JsonObject)} instead.
     * @return this
     */
    public IdentityBuilder roles(String... names) {
        roles.addAll(Arrays.asList(names));
        return this;
    }

    /** @return the identity */
    public Identity build() {
        String identityId = id != null ? id
                : UUID.nameUUIDFromBytes(("identity:" + email).getBytes(StandardCharsets.UTF_8)).toString();
        JsonObjectBuilder allTraits = Json.createObjectBuilder(traits);
        if (email != null && !traits.containsKey("email")) {
            allTraits.add("email", email);
        }
        JsonObjectBuilder metadata = metadataPublic == null ? Json.createObjectBuilder()
                : Json.createObjectBuilder(metadataPublic);
        if (!roles.isEmpty()) {
            metadata.add("roles", Json.createArrayBuilder(roles));
        }
        JsonObject metadataJson = metadata.build();
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        List<VerifiableAddress> verifiable = email == null ? List.of()
                : List.of(new VerifiableAddress(identityId + "-email", email, true, "email", "completed", created, created, created));
        List<RecoveryAddress> recovery = email == null ? List.of()
                : List.of(new RecoveryAddress(identityId + "-recovery", email, "email", created, created));
        return new Identity(identityId, schemaId, null, state, created, allTraits.build(), verifiable, recovery,
                metadataJson.isEmpty() && metadataPublic == null ? null : metadataJson, created, created);
    }

    private static JsonObject parse(String json, String what) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " must be a JSON object, got: " + json, e);
        }
    }
}
