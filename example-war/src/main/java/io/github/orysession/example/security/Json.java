package io.github.orysession.example.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;

/** Writes the servlets' JSON answers: never cached, since each says who the caller is. */
final class Json {

    private Json() {
    }

    static void write(HttpServletResponse response, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
