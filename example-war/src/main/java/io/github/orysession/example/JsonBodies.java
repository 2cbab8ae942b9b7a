package io.github.orysession.example;

import static io.github.orysession.example.JsonBodies.JSON;

import jakarta.json.spi.JsonProvider;

/**
 * The example's JSON-P provider, looked up once. Each static {@code jakarta.json.JSON.createXxx()} call looks the
 * provider up again through the service loader, a class-path scan that took a fifth of the CPU of a protected request
 * in the benchmark (./bench.sh); an application on the request path should keep a provider as this one does.
 */
public final class JsonBodies {

    /** The server's JSON-P provider. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonBodies() {
    }
}
