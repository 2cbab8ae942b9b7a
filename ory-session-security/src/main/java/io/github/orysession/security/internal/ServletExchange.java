package io.github.orysession.security.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.orysession.internal.credentials.CredentialExtractor;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.http.FailureAnswer;
import io.github.orysession.internal.http.RequestView;

/**
 * The servlet side of the mechanism: reads a request the way the JAX-RS filter reads its own (credentials, the
 * {@link RequestView} the library's answers are built from, the path URL patterns match), and writes a
 * {@link FailureAnswer} to the response.
 */
final class ServletExchange {

    static final String SESSION_TOKEN_HEADER = "X-Session-Token";
    /** Stands in for a request URL the server built from a {@code Host} no URI can hold: no allow-list admits it. */
    private static final URI UNUSABLE_URL = URI.create("about:blank");

    private ServletExchange() {
    }

    /** The request's credentials, as the JAX-RS filter reads them. */
    static Credentials credentials(CredentialExtractor extractor, HttpServletRequest request) {
        return extractor.extract(headers(request, SESSION_TOKEN_HEADER), headers(request, "Authorization"),
                headers(request, "Cookie"));
    }

    /** Whether the request carries a bearer value shaped like a JSON Web Token: the server's MP-JWT's to judge. */
    static boolean carriesBearerJwt(HttpServletRequest request) {
        for (String authorization : headers(request, "Authorization")) {
            String token = CredentialExtractor.bearerToken(authorization);
            if (token != null && CredentialExtractor.isJsonWebToken(token)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request's path inside the application, decoded and normalised by the container: what its security
     * constraints are matched against.
     */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        if (path.isEmpty()) {
            // Not mapped yet: the raw URI without the context path (still encoded; patterns rarely need more).
            String uri = request.getRequestURI();
            String context = request.getContextPath();
            path = uri == null ? "/" : context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        }
        return path.isEmpty() ? "/" : path;
    }

    /** The request as the library's failure answers need it. */
    static RequestView view(HttpServletRequest request) {
        return new RequestView(request.getMethod(), url(request), name -> headers(request, name));
    }

    /**
     * The absolute request URL with its query, as the server built it from the {@code Host} header: only ever used
     * through the return URL allow-list.
     */
    static URI url(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        String query = request.getQueryString();
        try {
            return URI.create(query == null ? url.toString() : url + "?" + query);
        } catch (IllegalArgumentException hostileHostOrPath) {
            return UNUSABLE_URL;
        }
    }

    /**
     * Writes the answer and commits the response, so that nothing after the mechanism can change it.
     *
     * @param answer the library's answer
     * @param response the response
     * @throws IOException when the client went away
     */
    static void write(FailureAnswer answer, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        if (answer.body() != null) {
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            response.setContentType(FailureAnswer.JSON);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } else {
            response.setContentLength(0);
        }
        response.flushBuffer();
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }
}
