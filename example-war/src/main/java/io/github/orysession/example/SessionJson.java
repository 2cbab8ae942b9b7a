package io.github.orysession.example;

import static io.github.orysession.example.JsonBodies.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import io.github.orysession.manage.SessionPage;
import io.github.orysession.model.Device;
import io.github.orysession.model.Session;

/** Renders the library's session types as the example's JSON. */
final class SessionJson {

    private SessionJson() {
    }

    /** A session: ids, state, times, assurance level and devices. */
    static JsonObject of(Session session) {
        JsonArrayBuilder devices = JSON.createArrayBuilder();
        for (Device device : session.devices()) {
            devices.add(JSON.createObjectBuilder()
                    .add("ip_address", String.valueOf(device.ipAddress()))
                    .add("user_agent", String.valueOf(device.userAgent()))
                    .add("location", String.valueOf(device.location())));
        }
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", session.id())
                .add("active", session.active())
                .add("aal", session.assuranceLevel().wireValue())
                .add("authenticated_at", String.valueOf(session.authenticatedAt()))
                .add("expires_at", String.valueOf(session.expiresAt()))
                .add("devices", devices);
        if (session.identity() != null) {
            json.add("identity_id", session.identity().id());
        }
        return json.build();
    }

    /** A page: its sessions and the token of the next page ({@code null} on the last one). */
    static JsonObject of(SessionPage page) {
        JsonArrayBuilder sessions = JSON.createArrayBuilder();
        page.sessions().forEach(session -> sessions.add(of(session)));
        JsonObjectBuilder json = JSON.createObjectBuilder().add("sessions", sessions);
        page.nextPageToken().ifPresentOrElse(token -> json.add("next_page_token", token),
                () -> json.addNull("next_page_token"));
        return json.build();
    }
}
