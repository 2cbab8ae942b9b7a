package io.github.orysession.internal.client;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A session's roles and attributes, worked out once per cache fill by {@link AugmentingLookup} and kept with the
 * session: the groups pointer's roles with the application's {@link io.github.orysession.SessionAugmentor}'s, and the
 * augmentor's attributes.
 *
 * @param roles every role of the session
 * @param attributes the augmentor's attributes
 * @param byApplication whether an application's augmentor contributed: its roles are enforced then, also without the
 *        JSON Web Token mapper
 */
public record Grants(Set<String> roles, JsonObject attributes, boolean byApplication) {

    /** No roles, no attributes. */
    public static final Grants NONE = new Grants(Set.of(), JsonValue.EMPTY_JSON_OBJECT, false);

    /** Copies. */
    public Grants {
        roles = roles == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        attributes = attributes == null ? JsonValue.EMPTY_JSON_OBJECT : attributes;
    }
}
