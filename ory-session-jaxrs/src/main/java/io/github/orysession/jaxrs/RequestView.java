package io.github.orysession.jaxrs;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;

import io.github.orysession.internal.http.RequestKind;

/**
 * What the failure responses need to know about a request, read the same way from a filter's
 * {@link ContainerRequestContext} and from an exception mapper's injected {@code @Context} objects.
 *
 * @param method the HTTP method
 * @param uri the absolute request URL with its query string, as the server built it (from the {@code Host}
 *        header: client-controlled, so only ever used through the return URL allow-list)
 * @param headers all values of a request header by name
 */
record RequestView(String method, URI uri, Function<String, List<String>> headers) {

    static RequestView of(ContainerRequestContext request) {
        return new RequestView(request.getMethod(), request.getUriInfo().getRequestUri(), request.getHeaders()::get);
    }

    static RequestView of(Request request, UriInfo uriInfo, HttpHeaders headers) {
        return new RequestView(request.getMethod(), uriInfo.getRequestUri(), headers::getRequestHeader);
    }

    /** Browser navigation or API call. */
    RequestKind kind() {
        return RequestKind.classify(method, headers);
    }

    /** The page the request came from, for an API client's way back after a step-up; {@code null} when not sent. */
    String referer() {
        List<String> values = headers.apply("Referer");
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
