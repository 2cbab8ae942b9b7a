package io.github.orysession.example.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import io.github.orysession.model.AuthenticationMethod;
import io.github.orysession.model.Device;
import io.github.orysession.model.Session;

/** How the pages write times, authentication methods and devices. */
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** {@code 2026-05-01 12:00:00 UTC}, or {@code null} (shown as a dash). */
    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    /** {@code password (aal1), totp (aal2)}. */
    static String methods(Session session) {
        if (session.authenticationMethods().isEmpty()) {
            return null;
        }
        return session.authenticationMethods().stream().map(Formats::method).collect(Collectors.joining(", "));
    }

    private static String method(AuthenticationMethod method) {
        return method.method() + (method.aal() == null ? "" : " (" + method.aal() + ")")
                + (method.completedAt() == null ? "" : " at " + time(method.completedAt()));
    }

    /** The session's devices: {@code 127.0.0.1 · Mozilla/5.0 ...}, one after the other. */
    static String devices(Session session) {
        if (session.devices().isEmpty()) {
            return null;
        }
        return session.devices().stream().map(Formats::device).collect(Collectors.joining("; "));
    }

    static String device(Device device) {
        StringBuilder text = new StringBuilder(device.ipAddress() == null ? "unknown address" : device.ipAddress());
        if (device.location() != null && !device.location().isBlank()) {
            text.append(" (").append(device.location()).append(')');
        }
        if (device.userAgent() != null && !device.userAgent().isBlank()) {
            text.append(" · ").append(device.userAgent());
        }
        return text.toString();
    }
}
