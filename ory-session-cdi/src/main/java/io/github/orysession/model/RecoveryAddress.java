package io.github.orysession.model;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * An address Kratos can send account recovery messages to.
 *
 * @param id the address id
 * @param value the address
 * @param via {@code email} or {@code sms}
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 */
public record RecoveryAddress(
        String id,
        String value,
        String via,
        @JsonbProperty("created_at") Instant createdAt,
        @JsonbProperty("updated_at") Instant updatedAt) {
}
