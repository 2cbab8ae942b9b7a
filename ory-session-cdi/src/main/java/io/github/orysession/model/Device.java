package io.github.orysession.model;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A device a session was used from, as Kratos recorded it.
 *
 * @param id the device record id
 * @param ipAddress the IP address seen by Kratos
 * @param userAgent the user agent seen by Kratos
 * @param location the location Kratos derived, if any
 */
public record Device(
        String id,
        @JsonbProperty("ip_address") String ipAddress,
        @JsonbProperty("user_agent") String userAgent,
        String location) {
}
