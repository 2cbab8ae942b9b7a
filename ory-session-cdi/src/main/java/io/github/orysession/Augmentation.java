package io.github.orysession;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.github.orysession.internal.json.Jsonp;

/**
 * What a {@link SessionAugmentor} adds to a session: roles, and attributes as a JSON object. Both are kept with the
 * session in the session cache, which in a cluster stores JSON, so attributes are JSON rather than objects of the
 * application's classes: read them back as a type with {@link OrySession#attributesAs(Class)}.
 *
 * <pre>{@code
 * return Augmentation.roles("editor", "billing").withAttribute("tenant", "acme").withAttribute("seats", 12);
 * }</pre>
 *
 * @param roles the roles to add, never {@code null}
 * @param attributes the attributes, never {@code null}
 */
public record Augmentation(Set<String> roles, JsonObject attributes) {

    /** Nothing to add. */
    public static final Augmentation NONE = new Augmentation(Set.of(), JsonValue.EMPTY_JSON_OBJECT);

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException when a role is {@code null} or blank
     */
    public Augmentation {
        Set<String> copy = new LinkedHashSet<>();
        for (String role : roles == null ? Set.<String>of() : roles) {
            if (role == null || role.isBlank()) {
                throw new IllegalArgumentException("a role must not be null or blank");
            }
            copy.add(role);
        }
        roles = Collections.unmodifiableSet(copy);
        attributes = attributes == null ? JsonValue.EMPTY_JSON_OBJECT : attributes;
    }

    /**
     * @param roles the roles
     * @return an augmentation of these roles and no attributes
     */
    public static Augmentation roles(String... roles) {
        return roles(Arrays.asList(roles));
    }

    /**
     * @param roles the roles
     * @return an augmentation of these roles and no attributes
     */
    public static Augmentation roles(Collection<String> roles) {
        return new Augmentation(new LinkedHashSet<>(roles), JsonValue.EMPTY_JSON_OBJECT);
    }

    /**
     * @param more roles to add
     * @return a copy with these roles too
     */
    public Augmentation withRoles(String... more) {
        Set<String> all = new LinkedHashSet<>(roles);
        all.addAll(Arrays.asList(more));
        return new Augmentation(all, attributes);
    }

    /**
     * @param name the attribute's name
     * @param value its value, any JSON
     * @return a copy with the attribute set (replacing one of the same name)
     */
    public Augmentation withAttribute(String name, JsonValue value) {
        return new Augmentation(roles, Jsonp.PROVIDER.createObjectBuilder(attributes).add(name, value).build());
    }

    /**
     * @param name the attribute's name
     * @param value its value
     * @return a copy with the attribute set
     */
    public Augmentation withAttribute(String name, String value) {
        return withAttribute(name, Jsonp.PROVIDER.createValue(value));
    }

    /**
     * @param name the attribute's name
     * @param value its value
     * @return a copy with the attribute set
     */
    public Augmentation withAttribute(String name, long value) {
        return withAttribute(name, Jsonp.PROVIDER.createValue(value));
    }

    /**
     * @param name the attribute's name
     * @param value its value
     * @return a copy with the attribute set
     */
    public Augmentation withAttribute(String name, boolean value) {
        return withAttribute(name, value ? JsonValue.TRUE : JsonValue.FALSE);
    }
}
