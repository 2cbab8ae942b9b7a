package io.github.orysession.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KratosErrorTest {

    @Test
    void theAal2ErrorOfWhoamiIsKeptWhole() {
        String body = """
                {"error":{"id":"session_aal2_required","code":403,"status":"Forbidden","request":"r-1",
                 "reason":"An active session was found but it does not fulfill the requested Authenticator Assurance Level.",
                 "message":"Session does not fulfill the requested Authenticator Assurance Level",
                 "details":{"redirect_browser_to":"http://127.0.0.1:4433/self-service/login/browser?aal=aal2"}},
                 "redirect_browser_to":"http://127.0.0.1:4433/self-service/login/browser?aal=aal2&return_to=x"}""";

        KratosError error = KratosError.parse(body, 403).orElseThrow();

        assertThat(error.id()).isEqualTo("session_aal2_required");
        assertThat(error.code()).isEqualTo(403);
        assertThat(error.status()).isEqualTo("Forbidden");
        assertThat(error.request()).isEqualTo("r-1");
        assertThat(error.message()).startsWith("Session does not fulfill");
        assertThat(error.details().getString("redirect_browser_to")).as("details stay structured").endsWith("aal=aal2");
        assertThat(error.redirectBrowserTo()).as("the top-level redirect wins over the one in details").endsWith("return_to=x");
    }

    @Test
    void aMinimalErrorTakesTheHttpStatusAndEmptyDetails() {
        KratosError error = KratosError.parse("{\"error\":{\"message\":\"no\"}}", 401).orElseThrow();

        assertThat(error.code()).isEqualTo(401);
        assertThat(error.id()).isNull();
        assertThat(error.details()).isEmpty();
        assertThat(error.redirectBrowserToIfAny()).isEmpty();
    }

    @Test
    void bodiesThatAreNotKratosErrorsGiveNothing() {
        assertThat(KratosError.parse(null, 500)).isEmpty();
        assertThat(KratosError.parse("", 500)).isEmpty();
        assertThat(KratosError.parse("<html>oops</html>", 500)).isEmpty();
        assertThat(KratosError.parse("[1,2]", 500)).isEmpty();
        assertThat(KratosError.parse("{\"error\":\"flat string\"}", 500)).isEmpty();
        assertThat(KratosError.parse("{\"error\":{\"id\":", 500)).as("truncated").isEmpty();
    }
}
