package io.github.orysession.internal.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.github.orysession.model.AuthenticationMethod;
import io.github.orysession.model.Device;
import io.github.orysession.model.Identity;
import io.github.orysession.model.RecoveryAddress;
import io.github.orysession.model.Session;
import io.github.orysession.model.VerifiableAddress;

/**
 * Reads Kratos's session JSON ({@code /sessions/whoami}, {@code /sessions}, the admin API) into the model, with
 * JSON-P. The field names are Kratos's, the same as the records' {@code @JsonbProperty} names, so this also reads
 * what JSON-B writes of a {@link Session}.
 * <p>
 * It maps by hand rather than through JSON-B because a session is read on every request the cache cannot answer:
 * profiling showed JSON-B (reflection, per-field deserializers) at a fifth of an uncached request's CPU, several
 * times what parsing the same body with JSON-P and copying the fields costs.
 * <p>
 * Lenient where Kratos may be: absent and {@code null} fields become {@code null}, {@code false} or empty, unknown
 * fields are ignored. Strict where a wrong answer could be trusted: a field of the wrong JSON type or a timestamp
 * that is not RFC 3339 is an {@link IllegalArgumentException}, never a default.
 */
public final class SessionReader {

    private SessionReader() {
    }

    /**
     * @param json a session object
     * @return the session
     * @throws IllegalArgumentException when a field has the wrong type or a timestamp cannot be read
     */
    public static Session session(JsonValue json) {
        JsonObject o = object(json, "session");
        return new Session(string(o, "id"), bool(o, "active"), instant(o, "expires_at"),
                instant(o, "authenticated_at"), instant(o, "issued_at"), string(o, "authenticator_assurance_level"),
                list(o, "authentication_methods", SessionReader::authenticationMethod), list(o, "devices", SessionReader::device),
                present(o, "identity") == null ? null : identity(o.get("identity")),
                string(o, "tokenized"));
    }

    /**
     * @param json an array of session objects, as {@code GET /sessions} answers
     * @return the sessions, in order
     * @throws IllegalArgumentException when it is not an array of sessions
     */
    public static List<Session> sessions(JsonValue json) {
        if (!(json instanceof JsonArray array)) {
            throw new IllegalArgumentException("sessions: expected an array");
        }
        return elements(array, SessionReader::session);
    }

    private static Identity identity(JsonValue json) {
        JsonObject o = object(json, "identity");
        return new Identity(string(o, "id"), string(o, "schema_id"), string(o, "schema_url"), string(o, "state"),
                instant(o, "state_changed_at"), jsonObject(o, "traits"),
                list(o, "verifiable_addresses", SessionReader::verifiableAddress),
                list(o, "recovery_addresses", SessionReader::recoveryAddress), jsonObject(o, "metadata_public"),
                instant(o, "created_at"), instant(o, "updated_at"));
    }

    private static AuthenticationMethod authenticationMethod(JsonValue json) {
        JsonObject o = object(json, "authentication method");
        return new AuthenticationMethod(string(o, "method"), string(o, "aal"), instant(o, "completed_at"),
                string(o, "provider"), string(o, "organization"));
    }

    private static Device device(JsonValue json) {
        JsonObject o = object(json, "device");
        return new Device(string(o, "id"), string(o, "ip_address"), string(o, "user_agent"), string(o, "location"));
    }

    private static VerifiableAddress verifiableAddress(JsonValue json) {
        JsonObject o = object(json, "verifiable address");
        return new VerifiableAddress(string(o, "id"), string(o, "value"), bool(o, "verified"), string(o, "via"),
                string(o, "status"), instant(o, "verified_at"), instant(o, "created_at"), instant(o, "updated_at"));
    }

    private static RecoveryAddress recoveryAddress(JsonValue json) {
        JsonObject o = object(json, "recovery address");
        return new RecoveryAddress(string(o, "id"), string(o, "value"), string(o, "via"), instant(o, "created_at"),
                instant(o, "updated_at"));
    }

    private static JsonObject object(JsonValue json, String what) {
        if (json instanceof JsonObject o) {
            return o;
        }
        throw new IllegalArgumentException(what + ": expected an object");
    }

    private static String string(JsonObject o, String name) {
        JsonValue value = present(o, name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new IllegalArgumentException(name + ": expected a string");
    }

    private static boolean bool(JsonObject o, String name) {
        JsonValue value = present(o, name);
        if (value == null || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw new IllegalArgumentException(name + ": expected true or false");
    }

    private static Instant instant(JsonObject o, String name) {
        String value = string(o, name);
        try {
            // Kratos's RFC 3339 timestamps, with Z or with an offset, read as Instant.parse reads them.
            return value == null ? null : Rfc3339.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + ": not an RFC 3339 timestamp", e);
        }
    }

    private static JsonObject jsonObject(JsonObject o, String name) {
        JsonValue value = present(o, name);
        return value == null ? null : object(value, name);
    }

    private static <T> List<T> list(JsonObject o, String name, Function<JsonValue, T> element) {
        JsonValue value = present(o, name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonArray array) {
            return elements(array, element);
        }
        throw new IllegalArgumentException(name + ": expected an array");
    }

    private static <T> List<T> elements(JsonArray array, Function<JsonValue, T> element) {
        List<T> result = new ArrayList<>(array.size());
        for (JsonValue value : array) {
            result.add(element.apply(value));
        }
        return result;
    }

    /** The member's value, or {@code null} when it is absent or JSON {@code null}: Kratos sends both. */
    private static JsonValue present(JsonObject o, String name) {
        JsonValue value = o.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }
}
