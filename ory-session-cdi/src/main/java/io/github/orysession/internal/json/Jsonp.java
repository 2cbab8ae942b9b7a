package io.github.orysession.internal.json;

import java.io.StringReader;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;

/**
 * The server's JSON-P implementation, looked up once. Every static {@code jakarta.json.Json.createXxx()} call looks
 * the provider up again through the service loader, a class-path scan that profiling showed at a fifth of the
 * library's per-request CPU; the library's code on the request path uses this instead.
 */
public final class Jsonp {

    /** The provider, found once per application. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }

    /**
     * @param text a JSON document
     * @return its top-level object or array
     * @throws IllegalArgumentException when the text is not JSON, or is a bare value; the message names the
     *         parser's exception type only, never the text
     */
    public static JsonStructure read(String text) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.read();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object or array: " + e.getClass().getSimpleName(), e);
        }
    }
}
