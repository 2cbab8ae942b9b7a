package io.github.orysession.internal.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

/**
 * Reads the {@code exp} of a Kratos-signed JWT ({@code tokenize_as}), which bounds how long a cached session and a
 * propagated token may be used. The signature is not checked here: the JWT came from Kratos's own answer, never from
 * a client.
 */
public final class Jwts {

    private Jwts() {
    }

    /**
     * @param jwt a compact JWS, {@code header.claims.signature}
     * @return its {@code exp}, or empty when it has none or is not a JWS
     */
    public static Optional<Instant> expiry(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonStructure claims = Jsonp.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims instanceof JsonObject object && object.get("exp") instanceof JsonNumber exp
                    ? Optional.of(Instant.ofEpochSecond(exp.longValue())) : Optional.empty();
        } catch (IllegalArgumentException notAJwt) {
            return Optional.empty();
        }
    }
}
