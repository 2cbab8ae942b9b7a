package io.github.orysession.internal.propagation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.json.Json;

import io.github.orysession.model.Identity;
import io.github.orysession.model.Session;

/** Sessions and unsigned compact JWTs for the propagation tests; only the claims matter to the library. */
final class TestJwts {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TestJwts() {
    }

    /** A compact JWT with {@code sub} and {@code exp} (and a fake signature). */
    static String jwt(String subject, Instant expiry) {
        String header = Json.createObjectBuilder().add("alg", "ES256").add("typ", "JWT").build().toString();
        String claims = Json.createObjectBuilder().add("sub", subject).add("exp", expiry.getEpochSecond()).build().toString();
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    /** The {@code sub} claim of a compact JWT. */
    static String subject(String jwt) {
        String claims = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new java.io.StringReader(claims))) {
            return reader.readObject().getString("sub");
        }
    }

    /** An active session of {@code identityId}, expiring in an hour, with the given tokenized JWT (or none). */
    static Session session(String identityId, String tokenized) {
        Identity identity = new Identity(identityId, "default", null, "active", null,
                Json.createObjectBuilder().add("email", identityId + "@example.com").build(), null, null, null, null, null);
        return new Session("session-of-" + identityId, true, Instant.now().plusSeconds(3600), Instant.now(), Instant.now(),
                "aal1", List.of(), List.of(), identity, tokenized);
    }
}
