package io.github.orysession.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

import io.github.orysession.internal.json.TypedJson;

/**
 * The identity a session belongs to.
 * <p>
 * Traits and public metadata follow the project's identity schema, so they stay JSON:
 * {@code identity.traits().getString("email")}, or {@link #trait(String)} for a string trait; or read them into
 * the application's own type with {@link #traitsAs(Class)} and {@link #metadataPublicAs(Class)}.
 *
 * @param id the identity id (the subject)
 * @param schemaId the identity schema id
 * @param schemaUrl where Kratos serves that schema
 * @param state {@code active} or {@code inactive}
 * @param stateChangedAt when the state last changed
 * @param traits the identity traits, never {@code null}
 * @param verifiableAddresses the addresses Kratos can verify
 * @param recoveryAddresses the addresses Kratos can send recovery messages to
 * @param metadataPublic metadata the identity may read, never {@code null}
 * @param createdAt when the identity was created
 * @param updatedAt when the identity was last updated
 */
public record Identity(
        String id,
        @JsonbProperty("schema_id") String schemaId,
        @JsonbProperty("schema_url") String schemaUrl,
        String state,
        @JsonbProperty("state_changed_at") Instant stateChangedAt,
        JsonObject traits,
        @JsonbProperty("verifiable_addresses") List<VerifiableAddress> verifiableAddresses,
        @JsonbProperty("recovery_addresses") List<RecoveryAddress> recoveryAddresses,
        @JsonbProperty("metadata_public") JsonObject metadataPublic,
        @JsonbProperty("created_at") Instant createdAt,
        @JsonbProperty("updated_at") Instant updatedAt) {

    /** Normalises absent traits, metadata and collections to empty ones. */
    public Identity {
        traits = traits == null ? JsonValue.EMPTY_JSON_OBJECT : traits;
        metadataPublic = metadataPublic == null ? JsonValue.EMPTY_JSON_OBJECT : metadataPublic;
        verifiableAddresses = verifiableAddresses == null ? List.of() : List.copyOf(verifiableAddresses);
        recoveryAddresses = recoveryAddresses == null ? List.of() : List.copyOf(recoveryAddresses);
    }

    /**
     * A top-level string trait.
     *
     * @param name the trait name, such as {@code email}
     * @return its value, or empty when absent or not a string
     */
    public Optional<String> trait(String name) {
        JsonValue value = traits.get(name);
        return value instanceof JsonString string ? Optional.of(string.getString()) : Optional.empty();
    }

    /**
     * The traits as the application's own type, bound by the server's JSON-B: a record or class whose members are
     * named as the identity schema names the traits ({@code @JsonbProperty} where they differ); members the type
     * does not have are ignored. A sealed interface whose permitted types carry {@link IdentitySchema} is read as
     * the one for this identity's {@link #schemaId()}.
     *
     * <pre>{@code
     * record Person(String email, Name name) { record Name(String first, String last) { } }
     * Person person = session.identity().traitsAs(Person.class);
     * }</pre>
     *
     * @param type the type to read the traits as
     * @param <T> that type
     * @return a new instance, read from the traits on each call
     * @throws IdentityMappingException when the traits do not fit the type (naming the member) or the identity's
     *         schema is not one the type is for
     */
    public <T> T traitsAs(Class<T> type) {
        return TypedJson.read(traits, "traits", schemaId, type);
    }

    /**
     * The public metadata as the application's own type, as {@link #traitsAs(Class)} reads the traits.
     *
     * @param type the type to read {@code metadata_public} as
     * @param <T> that type
     * @return a new instance, read from the metadata on each call
     * @throws IdentityMappingException when the metadata does not fit the type, naming the member
     */
    public <T> T metadataPublicAs(Class<T> type) {
        return TypedJson.read(metadataPublic, "metadata_public", schemaId, type);
    }

    /** The {@code email} trait, the identifier of the usual email-and-password schema. */
    public Optional<String> email() {
        return trait("email");
    }

    /** Whether Kratos considers the identity active (an absent state counts as active, as Kratos does). */
    public boolean isActive() {
        return state == null || "active".equals(state);
    }
}
