package io.github.orysession.internal.http;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * What the library needs to know about a request to answer it, read the same way by every entry point (a JAX-RS
 * filter, an exception mapper, a servlet-level mechanism).
 *
 * @param method the HTTP method
 * @param uri the absolute request URL with its query string, as the server built it (from the {@code Host}
 *        header: client-controlled, so only ever used through the return URL allow-list)
 * @param headers all values of a request header by name, {@code null} or empty when absent
 */
public record RequestView(String method, URI uri, Function<String, List<String>> headers) {

    /** Browser navigation or API call. */
    public RequestKind kind() {
        return RequestKind.classify(method, headers);
    }

    /** The page the request came from, for an API client's way back after a step-up; {@code null} when not sent. */
    public String referer() {
        List<String> values = headers.apply("Referer");
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
