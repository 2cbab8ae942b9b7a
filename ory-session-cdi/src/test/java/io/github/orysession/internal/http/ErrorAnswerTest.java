package io.github.orysession.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.github.orysession.InvalidRequestException;
import io.github.orysession.KratosApiException;
import io.github.orysession.model.KratosError;

/** The JSON bodies of the session-management failures. */
class ErrorAnswerTest {

    @Test
    void aRefusalCausedByTheClientCarriesKratosErrorWhole() {
        KratosError error = KratosError.parse("""
                {"error":{"id":"some_id","code":400,"status":"Bad Request","reason":"why","message":"cannot revoke current session",
                 "request":"r-1","details":{"hint":"use the logout flow"}}}""", 400).orElseThrow();

        FailureAnswer response = FailureAnswer.error(new KratosApiException(400, "some_id", "Kratos refused", 400, error), true);

        assertThat(response.status()).isEqualTo(400);
        JsonObject body = body(response).getJsonObject("error");
        assertThat(body.getString("reason")).isEqualTo("some_id");
        JsonObject kratos = body.getJsonObject("kratos");
        assertThat(kratos.getString("id")).isEqualTo("some_id");
        assertThat(kratos.getInt("code")).isEqualTo(400);
        assertThat(kratos.getString("reason")).isEqualTo("why");
        assertThat(kratos.getString("message")).isEqualTo("cannot revoke current session");
        assertThat(kratos.getString("request")).isEqualTo("r-1");
        assertThat(kratos.getJsonObject("details").getString("hint")).isEqualTo("use the logout flow");
        assertThat(response.headers().get("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aKratosFaultShowsOnlyTheLibrarysReason() {
        KratosError error = KratosError.parse("{\"error\":{\"code\":500,\"message\":\"db password wrong\"}}", 500).orElseThrow();

        FailureAnswer response = FailureAnswer.error(new KratosApiException(502, "kratos_bad_response", "Kratos failed", 500, error), true);

        assertThat(response.status()).isEqualTo(502);
        JsonObject body = body(response).getJsonObject("error");
        assertThat(body.getString("reason")).isEqualTo("kratos_bad_response");
        assertThat(body.containsKey("kratos")).as("Kratos's internals are not the client's business").isFalse();
        assertThat(response.body()).doesNotContain("db password");
    }

    @Test
    void anInvalidRequestIs400WithItsReason() {
        FailureAnswer response = FailureAnswer.error(new InvalidRequestException("invalid_session_id", "A Kratos session id is a UUID"), true);

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).getJsonObject("error").getString("reason")).isEqualTo("invalid_session_id");
        assertThat(response.headers().get("WWW-Authenticate")).isNull();
    }

    private static JsonObject body(FailureAnswer response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
