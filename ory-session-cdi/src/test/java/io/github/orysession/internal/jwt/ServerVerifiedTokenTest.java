package io.github.orysession.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Instant;
import java.util.Set;

import jakarta.json.Json;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.github.orysession.jwt.SessionJsonWebToken;
import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/** Only a signed token the server verified counts as the server's token. */
class ServerVerifiedTokenTest {

    private final ServerVerifiedToken holder = new ServerVerifiedToken();

    @Test
    void keepsAJsonWebTokenWithARawToken() {
        JsonWebToken signed = token("h.p.s");

        holder.offer(signed);

        assertThat(holder.get()).as("the server's verified token").containsSame(signed);
    }

    @Test
    void ignoresEverythingElse() {
        Principal plain = () -> "someone";
        Identity identity = new Identity("alice", "default", null, "active", null,
                Json.createObjectBuilder().build(), null, null, null, null, null);
        Session session = new Session("s1", true, Instant.now().plusSeconds(60), Instant.now(), Instant.now(), "aal1",
                null, null, identity, null);

        holder.offer(null);
        assertThat(holder.get()).as("nobody").isEmpty();
        holder.offer(plain);
        assertThat(holder.get()).as("a principal that is no JsonWebToken").isEmpty();
        holder.offer(token(null));
        assertThat(holder.get()).as("a JsonWebToken without a raw token was not verified from a signed JWT").isEmpty();
        holder.offer(new SessionJsonWebToken(session, "http://kratos", Set.of()));
        assertThat(holder.get()).as("the library's own session token").isEmpty();
    }

    @Test
    void saysBeforehandWhatAnOfferWouldKeep() {
        Identity identity = new Identity("alice", "default", null, "active", null,
                Json.createObjectBuilder().build(), null, null, null, null, null);
        Session session = new Session("s1", true, Instant.now().plusSeconds(60), Instant.now(), Instant.now(), "aal1",
                null, null, identity, null);

        assertThat(ServerVerifiedToken.isServerVerified(token("h.p.s"))).as("a server-verified token").isTrue();
        assertThat(ServerVerifiedToken.isServerVerified(null)).as("nobody").isFalse();
        assertThat(ServerVerifiedToken.isServerVerified(() -> "someone")).as("a plain principal").isFalse();
        assertThat(ServerVerifiedToken.isServerVerified(token(null))).as("no raw token").isFalse();
        assertThat(ServerVerifiedToken.isServerVerified(new SessionJsonWebToken(session, "http://kratos", Set.of())))
                .as("the library's own").isFalse();
    }

    @Test
    void aLaterOfferReplacesAnEarlierOne() {
        holder.offer(token("h.p.s"));
        holder.offer(null);

        assertThat(holder.get()).as("the last offer counts").isEmpty();
    }

    private static JsonWebToken token(String raw) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "bob";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of(Claims.raw_token.name());
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return Claims.raw_token.name().equals(claimName) ? (T) raw : null;
            }
        };
    }
}
