package io.github.orysession.internal.jwt;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.github.orysession.internal.json.Jsonp;

/**
 * Converts a claim, whatever Java type a token holds it in ({@code String}, {@code Long}, {@code Set}, or a
 * JSON-P value, depending on the implementation), to the type an injection point asks for. A claim of another
 * shape converts to {@code null}, never to a guess.
 */
final class ClaimConversions {

    private ClaimConversions() {
    }

    static String string(Object value) {
        if (value instanceof String string) {
            return string;
        }
        return value instanceof JsonString json ? json.getString() : null;
    }

    static Long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        return value instanceof JsonNumber json ? json.longValue() : null;
    }

    static Boolean bool(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        return null;
    }

    static Set<String> strings(Object value) {
        if (value instanceof Collection<?> collection) {
            Set<String> result = new LinkedHashSet<>();
            collection.stream().map(ClaimConversions::string).filter(s -> s != null).forEach(result::add);
            return result;
        }
        String single = string(value);
        return single == null ? null : Set.of(single);
    }

    static JsonValue json(Object value) {
        if (value == null || value instanceof JsonValue) {
            return (JsonValue) value;
        }
        if (value instanceof String string) {
            return Jsonp.PROVIDER.createValue(string);
        }
        if (value instanceof Integer || value instanceof Long) {
            return Jsonp.PROVIDER.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return Jsonp.PROVIDER.createValue(new BigDecimal(number.toString()));
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Collection<?> collection) {
            JsonArrayBuilder array = Jsonp.PROVIDER.createArrayBuilder();
            collection.stream().map(ClaimConversions::json).filter(v -> v != null).forEach(array::add);
            return array.build();
        }
        return null;
    }
}
