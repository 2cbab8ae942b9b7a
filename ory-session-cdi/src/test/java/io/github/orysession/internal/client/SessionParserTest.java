package io.github.orysession.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

import io.github.orysession.KratosBadResponseException;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.model.Session;

class SessionParserTest {

    private final SessionParser parser = new SessionParser();

    @Test
    void parsesTheSamplePayloadOfOrysDocumentation() throws IOException {
        Session session = parser.parse(resource("kratos/seed-session.json"));

        assertThat(session.id()).as("session id").isEqualTo("497f6eca-6276-4993-bfeb-53cbbbba6f08");
        assertThat(session.active()).as("active").isTrue();
        assertThat(session.expiresAt()).as("expires_at").isEqualTo(Instant.parse("2019-08-24T14:15:22Z"));
        assertThat(session.authenticatedAt()).as("authenticated_at").isEqualTo(Instant.parse("2019-08-24T14:15:22Z"));
        assertThat(session.issuedAt()).as("issued_at").isEqualTo(Instant.parse("2019-08-24T14:15:22Z"));
        assertThat(session.assuranceLevel()).isEqualTo(AuthenticatorAssuranceLevel.AAL0);
        assertThat(session.authenticationMethods()).singleElement()
                .satisfies(m -> {
                    assertThat(m.method()).isEqualTo("link_recovery");
                    assertThat(m.completedAt()).isEqualTo(Instant.parse("2019-08-24T14:15:22Z"));
                });
        assertThat(session.devices()).singleElement().satisfies(d -> assertThat(d.ipAddress()).isEqualTo("string"));
        assertThat(session.identity().state()).isEqualTo("active");
        assertThat(session.identity().traits()).as("null traits become an empty object").isEmpty();
        assertThat(session.identity().verifiableAddresses()).singleElement()
                .satisfies(a -> assertThat(a.createdAt()).isEqualTo(Instant.parse("2014-01-01T23:28:56.782Z")));
        assertThat(session.identity().recoveryAddresses()).hasSize(1);
        assertThat(session.tokenizedJwt()).isEmpty();
    }

    @Test
    void parsesARealKratosResponseForATokenSession() throws IOException {
        assertRealKratosSession(parser.parse(resource("kratos/whoami-token.json")));
    }

    @Test
    void parsesARealKratosResponseForACookieSession() throws IOException {
        assertRealKratosSession(parser.parse(resource("kratos/whoami-cookie.json")));
    }

    private static void assertRealKratosSession(Session session) {
        assertThat(session.id()).as("session id").isNotBlank();
        assertThat(session.active()).as("active").isTrue();
        assertThat(session.expiresAt()).as("expires_at after issued_at").isAfter(session.issuedAt());
        assertThat(session.assuranceLevel()).isEqualTo(AuthenticatorAssuranceLevel.AAL1);
        assertThat(session.authenticationMethods()).extracting(m -> m.method()).contains("password");
        assertThat(session.identity().id()).as("identity id").isNotBlank();
        assertThat(session.identity().email()).as("email trait").hasValueSatisfying(e -> assertThat(e).contains("@"));
        assertThat(session.identity().schemaId()).isEqualTo("default");
        assertThat(session.identity().verifiableAddresses()).isNotEmpty();
    }

    @Test
    void toleratesNullsMissingAndUnknownFields() {
        Session session = parser.parse("""
                {"id":"s1","active":true,"expires_at":null,"devices":null,"authentication_methods":null,
                 "something_new":{"nested":[1,2,3]},
                 "identity":{"id":"i1","traits":{"email":"a@example.com","roles":["admin"]},
                             "metadata_public":null,"verifiable_addresses":null,"future_field":42}}
                """);

        assertThat(session.expiresAt()).isNull();
        assertThat(session.devices()).isEmpty();
        assertThat(session.authenticationMethods()).isEmpty();
        assertThat(session.identity().email()).contains("a@example.com");
        assertThat(session.identity().traits().getJsonArray("roles").getString(0)).isEqualTo("admin");
        assertThat(session.identity().metadataPublic()).isEmpty();
        assertThat(session.assuranceLevel()).isEqualTo(AuthenticatorAssuranceLevel.AAL0);
    }

    @Test
    void aMissingActiveFlagMeansInactive() {
        Session session = parser.parse("{\"id\":\"s1\",\"identity\":{\"id\":\"i1\"}}");

        assertThat(session.active()).as("absent active").isFalse();
        assertThat(session.isUsableAt(Instant.now())).as("an inactive session is never usable").isFalse();
    }

    @Test
    void anExpiredSessionIsNotUsable() {
        Session session = parser.parse("{\"id\":\"s1\",\"active\":true,\"expires_at\":\"2020-01-01T00:00:00Z\",\"identity\":{\"id\":\"i1\"}}");

        assertThat(session.isUsableAt(Instant.parse("2019-12-31T23:59:59Z"))).isTrue();
        assertThat(session.isUsableAt(Instant.parse("2020-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void readsTimestampsWithAnOffsetAndWhatJsonbWritesOfASession() throws IOException {
        Session session = parser.parse("{\"id\":\"s1\",\"active\":true,\"expires_at\":\"2026-11-23T14:00:00.123456789+01:00\","
                + "\"identity\":{\"id\":\"i1\"}}");
        assertThat(session.expiresAt()).as("an RFC 3339 offset").isEqualTo(Instant.parse("2026-11-23T13:00:00.123456789Z"));

        Session kratos = parser.parse(resource("kratos/whoami-token.json"));
        assertThat(parser.parse(JsonbBuilder.create().toJson(kratos))).as("JSON-B's output read back (an application writing sessions with JSON-B)")
                .isEqualTo(kratos);
    }

    @Test
    void rejectsBodiesThatAreNotSessions() {
        for (String body : new String[] {"", "   ", "not json", "[1,2]", "{\"active\":true}", "{\"id\":", "null",
                "{\"id\":\"s\",\"expires_at\":\"yesterday\"}", "{\"id\":5}", "{\"id\":\"s\",\"active\":\"true\"}",
                "{\"id\":\"s\",\"identity\":[]}", "{\"id\":\"s\",\"devices\":{}}", "{\"id\":\"s\",\"devices\":[1]}",
                "{\"id\":\"s\",\"identity\":{\"id\":\"i\",\"traits\":\"admin\"}}"}) {
            assertThatThrownBy(() -> parser.parse(body)).as("body <%s>", body)
                    .isInstanceOf(KratosBadResponseException.class)
                    .extracting(e -> ((KratosBadResponseException) e).status()).isEqualTo(502);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SessionParserTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
