package io.github.orysession.internal.cache;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.github.orysession.internal.client.Grants;
import io.github.orysession.internal.json.Jsonp;

/**
 * A session's {@link Grants} in the clustered store's JSON: {@code {"roles": [...], "attributes": {...},
 * "by_application": true}}. The application's augmentor returns JSON attributes, so whatever it added survives the
 * trip through the grid and every instance serves the same roles without calling the augmentor again.
 */
final class GrantsJson {

    private GrantsJson() {
    }

    static JsonObject write(Grants grants) {
        JsonArrayBuilder roles = Jsonp.PROVIDER.createArrayBuilder();
        grants.roles().forEach(roles::add);
        return Jsonp.PROVIDER.createObjectBuilder()
                .add("roles", roles)
                .add("attributes", grants.attributes())
                .add("by_application", grants.byApplication())
                .build();
    }

    /**
     * @param json what {@link #write(Grants)} wrote
     * @return the grants
     * @throws IllegalArgumentException when it is absent or not what {@link #write(Grants)} writes: an entry of
     *         another version of the library, which the store then drops (a miss)
     */
    static Grants read(JsonValue json) {
        if (!(json instanceof JsonObject object) || !(object.get("roles") instanceof JsonArray roles)
                || !(object.get("attributes") instanceof JsonObject attributes)) {
            throw new IllegalArgumentException("grants: expected roles and attributes");
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (JsonValue role : roles) {
            if (!(role instanceof JsonString name)) {
                throw new IllegalArgumentException("grants: a role is not a string");
            }
            names.add(name.getString());
        }
        return new Grants(names, attributes, object.get("by_application") == JsonValue.TRUE);
    }
}
