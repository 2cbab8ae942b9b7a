package io.github.orysession.jwt;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonPointer;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.github.orysession.config.OryConfig;
import io.github.orysession.model.Identity;

/**
 * Where an identity keeps its groups (roles): a JSON pointer into {@code traits} or {@code metadata_public},
 * such as {@code /traits/roles} or {@code /metadata_public/groups}. The value may be an array of strings or a
 * single string; anything else, or nothing, means no groups.
 *
 * @param pointer the JSON pointer, starting with {@code /traits/} or {@code /metadata_public/}
 */
public record GroupsPointer(String pointer) {

    /**
     * @throws IllegalArgumentException naming {@value OryConfig#JWT_GROUPS} when the pointer is not one
     */
    public GroupsPointer {
        if (pointer == null || !(pointer.startsWith("/traits/") || pointer.startsWith("/metadata_public/"))) {
            throw new IllegalArgumentException(OryConfig.JWT_GROUPS + " must be a JSON pointer starting with /traits/ or "
                    + "/metadata_public/ (for example /traits/roles), got " + pointer);
        }
        try {
            Json.createPointer(pointer);
        } catch (JsonException e) {
            throw new IllegalArgumentException(OryConfig.JWT_GROUPS + " is not a valid JSON pointer: " + pointer, e);
        }
    }

    /**
     * The groups of an identity.
     *
     * @param identity the identity
     * @return the groups, in document order, never {@code null}
     */
    public Set<String> groupsOf(Identity identity) {
        JsonObject document = Json.createObjectBuilder()
                .add("traits", identity.traits())
                .add("metadata_public", identity.metadataPublic())
                .build();
        JsonPointer jsonPointer = Json.createPointer(pointer);
        JsonValue value;
        try {
            if (!jsonPointer.containsValue(document)) {
                return Set.of();
            }
            value = jsonPointer.getValue(document);
        } catch (JsonException throughAScalar) {
            return Set.of();
        }
        Set<String> groups = new LinkedHashSet<>();
        if (value instanceof JsonString single) {
            groups.add(single.getString());
        } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().stream().filter(JsonString.class::isInstance)
                    .map(item -> ((JsonString) item).getString()).forEach(groups::add);
        }
        return Set.copyOf(groups);
    }
}
