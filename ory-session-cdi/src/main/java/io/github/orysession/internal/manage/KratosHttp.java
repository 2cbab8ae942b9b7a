package io.github.orysession.internal.manage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.orysession.internal.client.KratosFailures;
import io.github.orysession.internal.config.OryConfig;

/**
 * Makes the two management calls that a MicroProfile REST client cannot make on every server, with the JDK's HTTP
 * client and the library's timeouts:
 * <ul>
 * <li>{@code DELETE /self-service/logout/api} carries the session token in a JSON body. Jersey (Payara's REST client)
 * does not send a body with {@code DELETE}, so Kratos would answer {@code 400}.</li>
 * <li>{@code PATCH /admin/sessions/{id}/extend}. Jersey over {@code HttpURLConnection} refuses {@code PATCH}
 * without a body, and then needs a reflective workaround into the JDK to send it at all.</li>
 * </ul>
 * Every other call goes through the REST client interfaces ({@code io.github.orysession.client}).
 */
final class KratosHttp {

    private final HttpClient client;
    private final OryConfig config;

    /**
     * @param config the connect and read timeouts
     */
    KratosHttp(OryConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .build();
    }

    /**
     * Sends one call and reads the answer.
     *
     * @param operation what is being done, for messages and the log
     * @param target the Kratos base URL, for the log
     * @param request the request, without timeout and {@code Accept} (added here)
     * @return Kratos's answer
     * @throws io.github.orysession.KratosUnavailableException when Kratos does not answer in time
     */
    KratosAnswer send(String operation, URI target, HttpRequest.Builder request) {
        HttpRequest built = request.timeout(config.readTimeout()).header("Accept", "application/json").build();
        try {
            return KratosAnswer.of(client.send(built, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw KratosFailures.unavailable(operation, target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KratosFailures.unavailable(operation, target, e);
        }
    }
}
