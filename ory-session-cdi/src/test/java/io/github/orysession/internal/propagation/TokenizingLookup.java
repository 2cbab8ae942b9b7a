package io.github.orysession.internal.propagation;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.github.orysession.RefusalReason;
import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.credentials.Credentials;

/**
 * Stands in for Kratos with {@code tokenize_as}: the token {@code ory_st_<user>} is a session of identity
 * {@code <user>} whose tokenized JWT has {@code sub=<user>}; the cookie {@code ory_kratos_session=<user>} too.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TokenizingLookup implements SessionLookup {

    static final String TOKEN_PREFIX = "ory_st_";

    private final AtomicInteger calls = new AtomicInteger();

    int calls() {
        return calls.get();
    }

    @Override
    public WhoamiResult whoami(Credentials credentials) {
        calls.incrementAndGet();
        String user = credentials.sessionToken().filter(t -> t.startsWith(TOKEN_PREFIX)).map(t -> t.substring(TOKEN_PREFIX.length()))
                .or(() -> credentials.sessionCookies().map(c -> c.substring(c.indexOf('=') + 1)))
                .orElse(null);
        if (user == null || user.startsWith("revoked")) {
            return WhoamiResult.rejected(RefusalReason.INVALID_SESSION);
        }
        return WhoamiResult.authenticated(TestJwts.session(user, TestJwts.jwt(user, Instant.now().plusSeconds(600))), List.of());
    }
}
