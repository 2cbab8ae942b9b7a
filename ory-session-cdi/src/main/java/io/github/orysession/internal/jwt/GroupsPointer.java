package io.github.orysession.internal.jwt;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonPointer;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.json.Jsonp;
import io.github.orysession.model.Identity;

/**
 * Where an identity keeps its groups (roles): a JSON pointer into {@code traits} or {@code metadata_public},
 * such as {@code /metadata_public/roles} or {@code /traits/team}. The value may be an array of strings or a
 * single string; anything else, or nothing, means no groups. Prefer {@code metadata_public}: a user can change
 * their own traits through Kratos's settings flow, and so would choose their own roles.
 * <p>
 * The pointer is checked and compiled once; reading the groups of a request's identity builds no JSON.
 */
public final class GroupsPointer {

    private static final String TRAITS = "/traits";
    private static final String METADATA_PUBLIC = "/metadata_public";

    private final String pointer;
    private final boolean inTraits;
    private final JsonPointer within;

    /**
     * @param pointer the JSON pointer, starting with {@code /traits/} or {@code /metadata_public/}
     * @throws IllegalArgumentException naming {@value OryConfig#JWT_GROUPS} when the pointer is not one
     */
    public GroupsPointer(String pointer) {
        if (pointer == null || !(pointer.startsWith(TRAITS + "/") || pointer.startsWith(METADATA_PUBLIC + "/"))) {
            throw new IllegalArgumentException(OryConfig.JWT_GROUPS + " must be a JSON pointer starting with /traits/ or "
                    + "/metadata_public/ (for example /metadata_public/roles), got " + pointer);
        }
        this.pointer = pointer;
        this.inTraits = pointer.startsWith(TRAITS + "/");
        try {
            this.within = Jsonp.PROVIDER.createPointer(pointer.substring((inTraits ? TRAITS : METADATA_PUBLIC).length()));
        } catch (JsonException e) {
            throw new IllegalArgumentException(OryConfig.JWT_GROUPS + " is not a valid JSON pointer: " + pointer, e);
        }
    }

    /** The pointer as configured, for example {@code /metadata_public/roles}. */
    public String pointer() {
        return pointer;
    }

    /**
     * The groups of an identity.
     *
     * @param identity the identity
     * @return the groups, in document order, never {@code null}
     */
    public Set<String> groupsOf(Identity identity) {
        JsonObject document = inTraits ? identity.traits() : identity.metadataPublic();
        JsonValue value;
        try {
            if (!within.containsValue(document)) {
                return Set.of();
            }
            value = within.getValue(document);
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
        return Collections.unmodifiableSet(groups);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupsPointer that && that.pointer.equals(pointer);
    }

    @Override
    public int hashCode() {
        return pointer.hashCode();
    }

    @Override
    public String toString() {
        return "GroupsPointer[" + pointer + "]";
    }
}
