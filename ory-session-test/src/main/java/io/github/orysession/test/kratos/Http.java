package io.github.orysession.test.kratos;

import java.io.StringReader;
import java.net.CookieHandler;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * The kit's HTTP clients, all HTTP/1.1: the JDK's default offers an HTTP/2 upgrade (h2c) on the first request of a
 * cleartext connection, which servers still deploying have answered by closing the connection.
 */
final class Http {

    private Http() {
    }

    static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    static HttpClient client() {
        return client(Duration.ofSeconds(5));
    }

    static HttpClient browser(CookieHandler jar) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(jar)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /**
     * @throws AssertionError with the request and Kratos's answer, when the status is not the one expected: a test
     *         that cannot set up its users fails, saying why
     */
    static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + ": expected HTTP " + status + " from " + response.request().method() + " "
                    + response.request().uri() + ", got " + response.statusCode() + ": " + response.body());
        }
    }
}
