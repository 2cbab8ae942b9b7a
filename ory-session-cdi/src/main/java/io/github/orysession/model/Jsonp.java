package io.github.orysession.model;

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
}
