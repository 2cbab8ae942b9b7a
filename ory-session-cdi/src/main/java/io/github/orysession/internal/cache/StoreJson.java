package io.github.orysession.internal.cache;

import java.time.Instant;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.github.orysession.internal.client.Grants;
import io.github.orysession.internal.json.Jsonp;
import io.github.orysession.internal.json.SessionReader;
import io.github.orysession.internal.json.SessionWriter;
import io.github.orysession.model.Session;

/**
 * The JSON of the {@link JCacheSessionStore}'s values. Reading is lenient in one way only: anything it does not
 * recognise is {@code null}, which the store treats as absent (a miss), never as a failure and never as a session.
 * <ul>
 * <li>a session: {@code {"verified_at": ms, "expires_at": ms, "generation": "...", "session": {...}, "grants": {...}}}</li>
 * <li>a logout mark: {@code {"logged_out": true, "expires_at": ms}}</li>
 * <li>an identity's state: {@code {"generation": "...", "revoked_at": ms}} ({@code revoked_at} absent when none)</li>
 * </ul>
 */
final class StoreJson {

    private StoreJson() {
    }

    static String write(StoreEntry entry) {
        JsonObjectBuilder json = Jsonp.PROVIDER.createObjectBuilder().add("expires_at", entry.expiresAt().toEpochMilli());
        if (entry instanceof CachedSession cached) {
            json.add("verified_at", cached.verifiedAt().toEpochMilli())
                    .add("generation", cached.generation())
                    .add("session", SessionWriter.session(cached.session()))
                    .add("grants", GrantsJson.write(cached.grants()));
        } else {
            json.add("logged_out", true);
        }
        return json.build().toString();
    }

    static String write(IdentityState state) {
        JsonObjectBuilder json = Jsonp.PROVIDER.createObjectBuilder().add("generation", state.generation());
        if (state.revokedAt() != null) {
            json.add("revoked_at", state.revokedAt().toEpochMilli());
        }
        return json.build().toString();
    }

    /** The entry, or {@code null} when the value is not one this library wrote. */
    static StoreEntry entry(String value) {
        JsonObject json = object(value);
        Instant expiresAt = json == null ? null : instant(json, "expires_at");
        if (expiresAt == null) {
            return null;
        }
        if (json.get("logged_out") == JsonValue.TRUE) {
            return new LogoutMark(expiresAt);
        }
        Instant verifiedAt = instant(json, "verified_at");
        String generation = json.get("generation") instanceof JsonString s ? s.getString() : null;
        Session session;
        Grants grants;
        try {
            session = SessionReader.session(json.get("session"));
            grants = GrantsJson.read(json.get("grants"));
        } catch (RuntimeException unreadable) {
            return null;
        }
        return verifiedAt == null || generation == null || session == null ? null
                : new CachedSession(session, verifiedAt, expiresAt, generation, grants);
    }

    /** The identity's state, or {@code null} when the value is not one this library wrote. */
    static IdentityState identity(String value) {
        JsonObject json = object(value);
        if (json == null || !(json.get("generation") instanceof JsonString generation)) {
            return null;
        }
        return new IdentityState(generation.getString(), instant(json, "revoked_at"));
    }

    private static JsonObject object(String value) {
        try {
            return Jsonp.read(value) instanceof JsonObject object ? object : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static Instant instant(JsonObject json, String name) {
        return json.get(name) instanceof JsonNumber millis && millis.isIntegral() ? Instant.ofEpochMilli(millis.longValue()) : null;
    }
}
