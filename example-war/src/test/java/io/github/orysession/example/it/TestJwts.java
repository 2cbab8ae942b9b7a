package io.github.orysession.example.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Signs bearer JWTs (RS256) the way another identity provider would, with a key pair made for this test run only,
 * using nothing but the JDK. The variant WARs trust its public key through {@code mp.jwt.verify.publickey}, so the
 * server's own MicroProfile JWT implementation verifies these tokens, not the library.
 */
final class TestJwts {

    /** The {@code iss} of every token, and the variants' {@code mp.jwt.verify.issuer}. */
    static final String ISSUER = "https://issuer.example.test/orysession-it";

    private static final KeyPair TRUSTED = generate();
    private static final KeyPair UNTRUSTED = generate();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private TestJwts() {
    }

    /**
     * The trusted public key as {@code mp.jwt.verify.publickey} takes it on both servers: PEM, with its line breaks.
     * Open Liberty finds no key in bare base64 without the {@code BEGIN}/{@code END} lines, and Payara cannot read
     * those lines when they share one line with the key.
     */
    static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(TRUSTED.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }

    /** A token signed by the trusted key. */
    static String signed(String subject, List<String> groups) {
        return sign(claims(subject, groups), TRUSTED.getPrivate());
    }

    /** The same kind of token, signed by a key the server was never told about. */
    static String signedByAnotherKey(String subject, List<String> groups) {
        return sign(claims(subject, groups), UNTRUSTED.getPrivate());
    }

    /** A token of the trusted key whose claims were changed after signing (another subject, more groups). */
    static String tampered(String subject, List<String> groups) {
        String[] parts = signed(subject, groups).split("\\.");
        String forged = URL.encodeToString(claims("someone-else", List.of("admin")).toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    private static JsonObject claims(String subject, List<String> groups) {
        long now = Instant.now().getEpochSecond();
        return Json.createObjectBuilder()
                .add("iss", ISSUER)
                .add("sub", subject)
                .add("upn", subject)
                .add("jti", UUID.randomUUID().toString())
                .add("iat", now)
                .add("exp", now + 300)
                .add("groups", Json.createArrayBuilder(groups))
                .build();
    }

    private static String sign(JsonObject claims, PrivateKey key) {
        JsonObject header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build();
        String signingInput = URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
