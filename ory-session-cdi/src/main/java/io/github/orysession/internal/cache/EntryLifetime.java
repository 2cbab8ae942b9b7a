package io.github.orysession.internal.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.json.Jwts;
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
        Optional<Instant> jwtExpiry = session.tokenizedJwt().flatMap(Jwts::expiry);
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

}
