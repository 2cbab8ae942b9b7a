package io.github.orysession.example.it;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Requests the example's pages the way a browser would, over loopback, without following redirects: {@code Accept:
 * text/html}, and for the forms' posts a form body with the headers the test chooses (the browser's
 * {@code Origin} and {@code Sec-Fetch-Site}, or a forger's).
 */
final class PageClient {

    private static final HttpClient HTTP = TestHttp.client();
    static final String ACCEPT_HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final URI base;

    PageClient(URL deployment) {
        this(Loopback.of(deployment));
    }

    /** @param base the application's base URL, ending in {@code /} */
    PageClient(URI base) {
        this.base = base;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /** The application's origin, as a browser sends it in {@code Origin}: {@code http://127.0.0.1:port}. */
    String origin() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    /**
     * @param path relative to the deployment
     * @param headers name, value, name, value...
     */
    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", ACCEPT_HTML)
                .timeout(Duration.ofSeconds(30));
        return send(request, headers);
    }

    /**
     * A form post.
     *
     * @param path relative to the deployment
     * @param form the urlencoded body
     * @param headers name, value, name, value...
     */
    HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", ACCEPT_HTML)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(30));
        return send(request, headers);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String... headers) throws Exception {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code Location} of a redirect, or a failure saying what came instead. */
    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location; status " + response.statusCode() + ": " + response.body()));
    }
}
