package io.github.orysession.internal.cache;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.json.Jsonp;
import io.github.orysession.model.Session;

/**
 * How long a whoami answer may be served from the cache: the least of the configured TTL, Kratos's
 * {@code Ory-Session-Cache-For}, the time left until the session's {@code expires_at}, and, when whoami
 * tokenized the session, the time left until that JWT's {@code exp}. All measured from the moment the whoami
 * call was sent, so the cache never serves an answer longer than allowed.
 */
final class EntryLifetime {

    private EntryLifetime() {
    }

    /**
     * @param result a whoami answer
     * @param sentAt when the whoami call was sent
     * @param ttl the configured TTL
     * @return when the entry stops being served, or empty when the answer must not be cached at all (no usable
     *         session, or no time left)
     */
    static Optional<Instant> of(WhoamiResult result, Instant sentAt, Duration ttl) {
        Session session = result.session();
        if (session == null || !session.isUsableAt(sentAt)) {
            return Optional.empty();
        }
        Instant until = sentAt.plus(ttl);
        if (result.cacheFor() != null) {
            until = earliest(until, sentAt.plus(result.cacheFor()));
        }
        if (session.expiresAt() != null) {
            until = earliest(until, session.expiresAt());
        }
        Optional<Instant> jwtExpiry = session.tokenizedJwt().flatMap(EntryLifetime::jwtExpiry);
        if (session.tokenizedJwt().isPresent() && jwtExpiry.isEmpty()) {
            return Optional.empty(); // a JWT whose lifetime we cannot read is not kept
        }
        if (jwtExpiry.isPresent()) {
            until = earliest(until, jwtExpiry.get());
        }
        return until.isAfter(sentAt) ? Optional.of(until) : Optional.empty();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The {@code exp} of a compact JWS, read without verifying it (Kratos just handed it to us over TLS or loopback). */
    static Optional<Instant> jwtExpiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try (JsonReader reader = Jsonp.PROVIDER.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
            JsonObject claims = reader.readObject();
            return claims.get("exp") instanceof JsonNumber exp ? Optional.of(Instant.ofEpochSecond(exp.longValue()))
                    : Optional.empty();
        } catch (RuntimeException notAJwt) {
            return Optional.empty();
        }
    }
}
