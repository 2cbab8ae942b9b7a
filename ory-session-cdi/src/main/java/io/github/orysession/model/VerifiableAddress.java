package io.github.orysession.model;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * An address (email or phone) that Kratos can verify.
 *
 * @param id the address id
 * @param value the address
 * @param verified whether it has been verified
 * @param via {@code email} or {@code sms}
 * @param status the verification status, such as {@code pending} or {@code completed}
 * @param verifiedAt when it was verified
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 */
public record VerifiableAddress(
        String id,
        String value,
        boolean verified,
        String via,
        String status,
        @JsonbProperty("verified_at") Instant verifiedAt,
        @JsonbProperty("created_at") Instant createdAt,
        @JsonbProperty("updated_at") Instant updatedAt) {
}
