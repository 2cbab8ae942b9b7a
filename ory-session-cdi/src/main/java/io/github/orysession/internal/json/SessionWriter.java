package io.github.orysession.internal.json;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import io.github.orysession.model.AuthenticationMethod;
import io.github.orysession.model.Device;
import io.github.orysession.model.Identity;
import io.github.orysession.model.RecoveryAddress;
import io.github.orysession.model.Session;
import io.github.orysession.model.VerifiableAddress;

/**
 * Writes a {@link Session} as Kratos does, with JSON-P: the inverse of {@link SessionReader}, so that the library has
 * one JSON stack in both directions (the JCache store writes with it and reads with the reader). Absent values are
 * left out, as the reader takes an absent member and a JSON {@code null} alike.
 */
public final class SessionWriter {

    private SessionWriter() {
    }

    /**
     * @param session a session
     * @return its JSON, with Kratos's member names
     */
    public static JsonObject session(Session session) {
        JsonObjectBuilder o = Jsonp.PROVIDER.createObjectBuilder();
        put(o, "id", session.id());
        o.add("active", session.active());
        put(o, "expires_at", session.expiresAt());
        put(o, "authenticated_at", session.authenticatedAt());
        put(o, "issued_at", session.issuedAt());
        put(o, "authenticator_assurance_level", session.authenticatorAssuranceLevel());
        list(o, "authentication_methods", session.authenticationMethods(), SessionWriter::authenticationMethod);
        list(o, "devices", session.devices(), SessionWriter::device);
        if (session.identity() != null) {
            o.add("identity", identity(session.identity()));
        }
        put(o, "tokenized", session.tokenized());
        return o.build();
    }

    private static JsonObject identity(Identity identity) {
        JsonObjectBuilder o = Jsonp.PROVIDER.createObjectBuilder();
        put(o, "id", identity.id());
        put(o, "schema_id", identity.schemaId());
        put(o, "schema_url", identity.schemaUrl());
        put(o, "state", identity.state());
        put(o, "state_changed_at", identity.stateChangedAt());
        if (identity.traits() != null) {
            o.add("traits", identity.traits());
        }
        list(o, "verifiable_addresses", identity.verifiableAddresses(), SessionWriter::verifiableAddress);
        list(o, "recovery_addresses", identity.recoveryAddresses(), SessionWriter::recoveryAddress);
        if (identity.metadataPublic() != null) {
            o.add("metadata_public", identity.metadataPublic());
        }
        put(o, "created_at", identity.createdAt());
        put(o, "updated_at", identity.updatedAt());
        return o.build();
    }

    private static JsonObject authenticationMethod(AuthenticationMethod method) {
        JsonObjectBuilder o = Jsonp.PROVIDER.createObjectBuilder();
        put(o, "method", method.method());
        put(o, "aal", method.aal());
        put(o, "completed_at", method.completedAt());
        put(o, "provider", method.provider());
        put(o, "organization", method.organization());
        return o.build();
    }

    private static JsonObject device(Device device) {
        JsonObjectBuilder o = Jsonp.PROVIDER.createObjectBuilder();
        put(o, "id", device.id());
        put(o, "ip_address", device.ipAddress());
        put(o, "user_agent", device.userAgent());
        put(o, "location", device.location());
        return o.build();
    }

    private static JsonObject verifiableAddress(VerifiableAddress address) {
        JsonObjectBuilder o = Jsonp.PROVIDER.createObjectBuilder();
        put(o, "id", address.id());
        put(o, "value", address.value());
        o.add("verified", address.verified());
        put(o, "via", address.via());
        put(o, "status", address.status());
        put(o, "verified_at", address.verifiedAt());
        put(o, "created_at", address.createdAt());
        put(o, "updated_at", address.updatedAt());
        return o.build();
    }

    private static JsonObject recoveryAddress(RecoveryAddress address) {
        JsonObjectBuilder o = Jsonp.PROVIDER.createObjectBuilder();
        put(o, "id", address.id());
        put(o, "value", address.value());
        put(o, "via", address.via());
        put(o, "created_at", address.createdAt());
        put(o, "updated_at", address.updatedAt());
        return o.build();
    }

    private static void put(JsonObjectBuilder o, String name, String value) {
        if (value != null) {
            o.add(name, value);
        }
    }

    private static void put(JsonObjectBuilder o, String name, Instant value) {
        if (value != null) {
            o.add(name, value.toString());
        }
    }

    private static <T> void list(JsonObjectBuilder o, String name, List<T> values, Function<T, JsonObject> element) {
        if (values != null) {
            JsonArrayBuilder array = Jsonp.PROVIDER.createArrayBuilder();
            values.forEach(value -> array.add(element.apply(value)));
            o.add(name, array);
        }
    }
}
