package io.github.orysession.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.orysession.RefusalReason;

class CredentialExtractorTest {

    private final CredentialExtractor extractor =
            new CredentialExtractor(new CookieNames(List.of("ory_kratos_session", "ory_session_*")));

    @Test
    void noHeadersMeansNoCredentials() {
        assertThat(extractor.extract(List.of(), List.of(), List.of()).isPresent()).isFalse();
        assertThat(extractor.extract(null, null, null).isPresent()).isFalse();
    }

    @Test
    void keepsOnlyTheSessionCookieAmongSeveral() {
        Credentials credentials = extractor.extract(List.of(), List.of(),
                List.of("theme=dark; ory_kratos_session=abc123; csrf_token_x=zzz; _ga=GA1.2"));

        assertThat(credentials.sessionCookies()).contains("ory_kratos_session=abc123");
        assertThat(credentials.sessionToken()).isEmpty();
    }

    @Test
    void keepsOryNetworkCookiesByPrefix() {
        Credentials credentials = extractor.extract(List.of(), List.of(),
                List.of("ory_session_playfulmoon=v1", "other=1;ory_session_=empty-suffix-is-not-a-match"));

        assertThat(credentials.sessionCookies()).contains("ory_session_playfulmoon=v1");
    }

    @Test
    void keepsQuotedValuesAsSent() {
        Credentials credentials = extractor.extract(List.of(), List.of(), List.of("ory_kratos_session=\"MTY=\""));

        assertThat(credentials.sessionCookies()).contains("ory_kratos_session=\"MTY=\"");
    }

    @Test
    void dropsExactDuplicatesButKeepsDistinctValues() {
        Credentials credentials = extractor.extract(List.of(), List.of(), List.of(
                "ory_kratos_session=a; ory_kratos_session=a", "ory_kratos_session=b"));

        assertThat(credentials.sessionCookies()).contains("ory_kratos_session=a; ory_kratos_session=b");
    }

    @Test
    void ignoresMalformedAndEmptyCookies() {
        Credentials credentials = extractor.extract(List.of(), List.of(),
                List.of(";;  ; =x; ory_kratos_session=; ory_kratos_session=\"\"; novalue; ory_kratos_session"));

        assertThat(credentials.isPresent()).isFalse();
    }

    @Test
    void cookieNamesAreCaseSensitiveAsBrowsersSendThem() {
        assertThat(extractor.extract(List.of(), List.of(), List.of("ORY_KRATOS_SESSION=abc")).isPresent()).isFalse();
    }

    @Test
    void sessionTokenHeaderWinsOverBearerAndCookie() {
        Credentials credentials = extractor.extract(List.of(" tok1 "), List.of("Bearer tok2"), List.of("ory_kratos_session=c"));

        assertThat(credentials.sessionToken()).contains("tok1");
        assertThat(credentials.sessionCookies()).as("only one credential goes to Kratos").isEmpty();
    }

    @Test
    void bearerWinsOverCookie() {
        Credentials credentials = extractor.extract(List.of(), List.of("Bearer tok2"), List.of("ory_kratos_session=c"));

        assertThat(credentials.sessionToken()).contains("tok2");
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        assertThat(CredentialExtractor.bearerToken("bearer abc")).isEqualTo("abc");
        assertThat(CredentialExtractor.bearerToken("BEARER   abc ")).isEqualTo("abc");
        assertThat(CredentialExtractor.bearerToken("Bearer\tabc")).isEqualTo("abc");
    }

    @Test
    void otherSchemesAndEmptyBearersAreNotTokens() {
        assertThat(CredentialExtractor.bearerToken("Basic dXNlcjpwYXNz")).isNull();
        assertThat(CredentialExtractor.bearerToken("Bearer")).isNull();
        assertThat(CredentialExtractor.bearerToken("Bearer   ")).isNull();
        assertThat(CredentialExtractor.bearerToken("Bearerabc")).isNull();
        assertThat(CredentialExtractor.bearerToken("")).isNull();
        assertThat(CredentialExtractor.bearerToken(null)).isNull();
    }

    @Test
    void aBearerJsonWebTokenIsNoSessionTokenAndNeverGoesToKratos() {
        String jws = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl";

        assertThat(extractor.extract(List.of(), List.of("Bearer " + jws), List.of()).isPresent())
                .as("a JWT alone is no Ory credential").isFalse();
        Credentials withCookie = extractor.extract(List.of(), List.of("Bearer " + jws), List.of("ory_kratos_session=c"));
        assertThat(withCookie.sessionToken()).as("the JWT is not sent as a session token").isEmpty();
        assertThat(withCookie.sessionCookies()).as("the session cookie still counts").contains("ory_kratos_session=c");
        assertThat(extractor.extract(List.of(jws), List.of(), List.of()).sessionToken())
                .as("X-Session-Token is Ory's own header: whatever it holds goes to Kratos").contains(jws);
    }

    @Test
    void onlyTheCompactJwsAndJweShapesAreJsonWebTokens() {
        assertThat(CredentialExtractor.isJsonWebToken("aGVhZGVy.cGF5bG9hZA.c2ln")).as("JWS").isTrue();
        assertThat(CredentialExtractor.isJsonWebToken("aGVhZGVy.cGF5bG9hZA.")).as("JWS without signature").isTrue();
        assertThat(CredentialExtractor.isJsonWebToken("aGVhZGVy..aXY.Y2lwaGVy.dGFn")).as("JWE, empty key").isTrue();
        assertThat(CredentialExtractor.isJsonWebToken("ory_st_AbCdEfGhIjKlMnOpQrStUvWxYz012345")).as("Kratos token").isFalse();
        assertThat(CredentialExtractor.isJsonWebToken("a.b")).as("two parts").isFalse();
        assertThat(CredentialExtractor.isJsonWebToken("a.b.c.d")).as("four parts").isFalse();
        assertThat(CredentialExtractor.isJsonWebToken(".b.c")).as("no header").isFalse();
        assertThat(CredentialExtractor.isJsonWebToken("a+b.c/d.e=")).as("not base64url").isFalse();
    }

    @Test
    void blankSessionTokenHeaderFallsThrough() {
        Credentials credentials = extractor.extract(List.of("  "), List.of(), List.of("ory_kratos_session=c"));

        assertThat(credentials.sessionCookies()).contains("ory_kratos_session=c");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        Credentials token = Credentials.ofToken("ory_st_supersecretvalue");
        Credentials cookie = Credentials.ofCookies("ory_kratos_session=supersecretvalue");

        assertThat(token.toString()).doesNotContain("supersecret").startsWith("Credentials[token, sha256:");
        assertThat(cookie.toString()).doesNotContain("supersecret").startsWith("Credentials[cookie, sha256:");
        assertThat(token.fingerprint()).hasSize(64).isNotEqualTo(cookie.fingerprint());
        assertThat(Credentials.none().toString()).isEqualTo("Credentials[none]");
    }

    @Test
    void anOversizedTokenIsRefusedLocally() {
        Credentials credentials = extractor.extract(List.of("a".repeat(4097)), List.of(), List.of());

        assertThat(credentials.isPresent()).as("never forwarded").isFalse();
        assertThat(credentials.unusableReason()).contains(RefusalReason.CREDENTIAL_TOO_LARGE);
        assertThat(extractor.extract(List.of("a".repeat(4096)), List.of(), List.of()).isPresent()).isTrue();
    }

    @Test
    void anOversizedSessionCookieIsRefusedLocally() {
        Credentials credentials = extractor.extract(List.of(), List.of(), List.of("ory_kratos_session=" + "x".repeat(5000)));

        assertThat(credentials.unusableReason()).contains(RefusalReason.CREDENTIAL_TOO_LARGE);
    }

    @Test
    void controlCharactersAndNonAsciiAreRefused() {
        for (String token : new String[] {"abc\r\nX-Injected: 1", "abc\u0000", "t\u00f6ken", "two words"}) {
            assertThat(extractor.extract(List.of(token), List.of(), List.of()).unusableReason())
                    .as("token %s", token.replace("\r", "\\r").replace("\n", "\\n")).contains(RefusalReason.MALFORMED_CREDENTIAL);
        }
        assertThat(extractor.extract(List.of(), List.of(), List.of("ory_kratos_session=va\u00e9lue")).unusableReason())
                .contains(RefusalReason.MALFORMED_CREDENTIAL);
    }

    @Test
    void hundredsOfCookiesAreFineWhenFewAreSessionCookies() {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            header.append("c").append(i).append("=v").append(i).append("; ");
        }
        header.append("ory_kratos_session=abc");

        assertThat(extractor.extract(List.of(), List.of(), List.of(header.toString())).sessionCookies())
                .contains("ory_kratos_session=abc");
    }

    @Test
    void tooManyDistinctSessionCookiesAreRefused() {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            header.append("ory_kratos_session=v").append(i).append("; ");
        }

        assertThat(extractor.extract(List.of(), List.of(), List.of(header.toString())).unusableReason())
                .contains(RefusalReason.TOO_MANY_SESSION_COOKIES);
    }
}
