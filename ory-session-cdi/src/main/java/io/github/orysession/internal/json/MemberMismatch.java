package io.github.orysession.internal.json;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

/**
 * The member of a JSON document that JSON-B could not bind to its field, found by binding each member alone, depth
 * first into nested records and classes: run only after the whole document failed, so it costs nothing when the
 * document fits. Names members and types, never values.
 *
 * @param path the member as a dotted path, such as {@code traits.address.zip}
 * @param jsonType the member's JSON type ({@code string}, {@code number}, ...)
 * @param owner the class that declares the field
 * @param field the field's name
 * @param fieldType the field's type
 */
record MemberMismatch(String path, String jsonType, Class<?> owner, String field, Type fieldType) {

    private static final int MAX_DEPTH = 8;

    String describe() {
        return path + " is a JSON " + jsonType + ", which does not fit " + owner.getSimpleName() + "." + field + " ("
                + fieldType.getTypeName() + ")";
    }

    /**
     * @param jsonb the JSON-B that failed on the whole document
     * @param document the document
     * @param type the type it was bound to
     * @param documentName the path's first segment
     * @return the member to blame, when one alone fails
     */
    static Optional<MemberMismatch> find(Jsonb jsonb, JsonObject document, Class<?> type, String documentName) {
        return find(jsonb, document, type, documentName, 0);
    }

    private static Optional<MemberMismatch> find(Jsonb jsonb, JsonObject json, Class<?> type, String path, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        for (Property property : properties(type)) {
            JsonValue member = json.get(property.jsonName());
            if (member == null) {
                continue;
            }
            String memberPath = path + "." + property.jsonName();
            if (member.getValueType() == JsonValue.ValueType.NULL) {
                if (property.type() instanceof Class<?> c && c.isPrimitive()) {
                    return Optional.of(new MemberMismatch(memberPath, "null", type, property.name(), property.type()));
                }
                continue;
            }
            Class<?> raw = raw(property.type());
            if (raw != null && !shapeFits(member, raw)) {
                return Optional.of(new MemberMismatch(memberPath, jsonType(member), type, property.name(), property.type()));
            }
            try {
                jsonb.fromJson(member.toString(), property.type());
            } catch (RuntimeException failed) {
                Optional<MemberMismatch> deeper = member instanceof JsonObject object && raw != null && isBean(raw)
                        ? find(jsonb, object, raw, memberPath, depth + 1) : Optional.empty();
                return deeper.or(() -> Optional.of(new MemberMismatch(memberPath, jsonType(member), type,
                        property.name(), property.type())));
            }
        }
        return Optional.empty();
    }

    private record Property(String name, String jsonName, Type type) {
    }

    private static List<Property> properties(Class<?> type) {
        List<Property> properties = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.add(new Property(component.getName(), jsonName(field(type, component.getName()), component.getName()),
                        component.getGenericType()));
            }
            return properties;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()
                        && !field.isAnnotationPresent(JsonbTransient.class)) {
                    properties.add(new Property(field.getName(), jsonName(field, field.getName()), field.getGenericType()));
                }
            }
        }
        return properties;
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static String jsonName(Field field, String javaName) {
        JsonbProperty property = field == null ? null : field.getAnnotation(JsonbProperty.class);
        return property == null || property.value().isEmpty() ? javaName : property.value();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }

    /**
     * Whether the member's JSON shape can be the field's at all: a scalar is no object or array, a collection is an
     * array, a type of the application's own is an object. Checked before JSON-B, which reads some shapes it should
     * refuse when given a member alone (an array as a {@code String}).
     */
    private static boolean shapeFits(JsonValue member, Class<?> raw) {
        boolean structure = member instanceof JsonObject || member.getValueType() == JsonValue.ValueType.ARRAY;
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw) || raw == String.class || raw == Boolean.class
                || raw == Character.class || raw.isEnum()) {
            return !structure;
        }
        if (raw.isArray() || java.util.Collection.class.isAssignableFrom(raw)) {
            return member.getValueType() == JsonValue.ValueType.ARRAY;
        }
        return !isBean(raw) || member instanceof JsonObject;
    }

    /** A type of the application's own, whose members are worth looking into. */
    private static boolean isBean(Class<?> type) {
        String name = type.getName();
        return !type.isPrimitive() && !type.isArray() && !type.isEnum() && !type.isInterface()
                && !name.startsWith("java.") && !name.startsWith("javax.") && !name.startsWith("jakarta.");
    }

    private static String jsonType(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE, FALSE -> "boolean";
            default -> value.getValueType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
