package io.github.orysession.example.it;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.JsonObject;

import io.github.orysession.test.kratos.KratosTestClient;

/** Sends requests to the deployed example over loopback. */
final class AppClient {

    // HTTP/1.1 (TestHttp says why): ConcurrencyIT's 64 clients each get a connection of their own.
    private static final HttpClient HTTP = TestHttp.client();

    private final URI base;

    AppClient(URL deployment) {
        this.base = Loopback.of(deployment);
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /**
     * @param path relative to the deployment, such as {@code api/me}
     * @param headers name, value, name, value...
     */
    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * @param method the HTTP method, such as {@code PATCH} or {@code DELETE}
     * @param path relative to the deployment
     * @param headers name, value, name, value...
     */
    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code error.reason} of a library error body. */
    static String reason(HttpResponse<String> response) {
        JsonObject body = KratosTestClient.parse(response.body());
        return body.getJsonObject("error").getString("reason");
    }
}
