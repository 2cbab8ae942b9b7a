package io.github.orysession.example.selfservice;

import static io.github.orysession.example.JsonBodies.JSON;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.github.orysession.KratosBadResponseException;
import io.github.orysession.KratosRateLimitedException;
import io.github.orysession.KratosUnavailableException;

/**
 * Fetches Kratos's self-service flows and errors for the example's server-side pages, on the browser's behalf.
 * <p>
 * A browser flow is bound to the browser's anti-CSRF cookie: Kratos hands it out only with that cookie. So the
 * browser's {@code Cookie} headers are passed on, reduced by {@link KratosCookies} to Kratos's own cookies (the
 * session cookies and {@code csrf_token_*}); the application's other cookies never travel to Kratos, and no cookie
 * is ever logged. Failures are the library's: Kratos unreachable or too slow is {@link KratosUnavailableException}
 * (503), its {@code 429} {@link KratosRateLimitedException}, a {@code 5xx} or a body that is not JSON
 * {@link KratosBadResponseException} (502); a {@code 4xx} (unknown or expired flow, CSRF violation, no session) is
 * the caller's to act on, as a {@link FlowAnswer}.
 * <p>
 * It lives in the example, not the library: the library verifies sessions, while rendering Kratos's UI, and what
 * to do with each of its answers, is the application's choice (see docs/example-application.md).
 */
@ApplicationScoped
public class KratosFlows {

    /** Flow ids are UUIDs; error ids too, or Kratos's {@code stub:500}. Anything else is not asked about. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9:-]{1,64}");

    private URI kratosUrl;
    private Duration connectTimeout;
    private Duration readTimeout;
    private KratosCookies cookies;
    private List<URI> browserFacingUrls;
    private volatile HttpClient http;

    /** For the CDI proxy only. */
    protected KratosFlows() {
    }

    /**
     * Reads the library's own keys, as any application may: they say where Kratos is and which cookies are its.
     *
     * @param kratosUrl {@code ory.kratos.url}
     * @param loginUrl {@code ory.browser.login-url}, when set (its origin is Kratos as browsers see it)
     * @param cookieNames {@code ory.session.cookie-names}
     * @param connectTimeoutMs {@code ory.kratos.connect-timeout-ms}
     * @param readTimeoutMs {@code ory.kratos.read-timeout-ms}
     */
    @Inject
    public KratosFlows(@ConfigProperty(name = "ory.kratos.url") String kratosUrl,
                       @ConfigProperty(name = "ory.browser.login-url") Optional<String> loginUrl,
                       @ConfigProperty(name = "ory.session.cookie-names", defaultValue = "ory_kratos_session,ory_session_*") String cookieNames,
                       @ConfigProperty(name = "ory.kratos.connect-timeout-ms", defaultValue = "2000") long connectTimeoutMs,
                       @ConfigProperty(name = "ory.kratos.read-timeout-ms", defaultValue = "5000") long readTimeoutMs) {
        String base = kratosUrl.trim();
        this.kratosUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.connectTimeout = Duration.ofMillis(connectTimeoutMs);
        this.readTimeout = Duration.ofMillis(readTimeoutMs);
        this.cookies = new KratosCookies(Arrays.stream(cookieNames.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList());
        this.browserFacingUrls = loginUrl.map(String::trim).filter(u -> !u.isEmpty())
                .map(u -> List.of(this.kratosUrl, URI.create(u))).orElse(List.of(this.kratosUrl));
    }

    /**
     * @param kind which flow
     * @param id the flow id from the page's {@code flow} parameter
     * @param cookieHeaders the browser's {@code Cookie} headers (only Kratos's cookies are passed on)
     * @return Kratos's answer: the flow ({@code 200}) or why not ({@code 403}, {@code 404}, {@code 410}, ...)
     */
    public FlowAnswer fetch(FlowKind kind, String id, List<String> cookieHeaders) {
        if (id == null || !ID.matcher(id).matches()) {
            return FlowAnswer.unknownId();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(kratosUrl + kind.fetchPath() + "?id=" + encode(id)));
        cookies.select(cookieHeaders).ifPresent(cookie -> request.header("Cookie", cookie));
        return send("fetch a " + kind.segment() + " flow", request);
    }

    /**
     * @param id the error id from the error page's {@code id} parameter
     * @return Kratos's self-service error ({@code {"id","error":{...}}}) or why not
     */
    public FlowAnswer error(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return FlowAnswer.unknownId();
        }
        return send("fetch a self-service error",
                HttpRequest.newBuilder(URI.create(kratosUrl + "/self-service/errors?id=" + encode(id))));
    }

    /**
     * Kratos's endpoint that starts a browser flow and sends the browser on to the flow's UI (this example's page).
     *
     * @param kind which flow
     * @param parameters query parameters in order, such as {@code aal}, {@code refresh} and an allow-listed
     *        {@code return_to}; {@code null} values are left out
     * @return for example {@code http://127.0.0.1:4433/self-service/login/browser?return_to=...}
     */
    public URI browserInit(FlowKind kind, Map<String, String> parameters) {
        StringBuilder url = new StringBuilder(kratosUrl + kind.initPath());
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() != null) {
                url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
                separator = '&';
            }
        }
        return URI.create(url.toString());
    }

    /** Kratos's public API as browsers reach it: the origins a flow's form may post to. */
    public List<URI> browserFacingUrls() {
        return browserFacingUrls;
    }

    private FlowAnswer send(String operation, HttpRequest.Builder request) {
        HttpRequest built = request.timeout(readTimeout).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http().send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable(operation, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(operation, e);
        }
        int status = response.statusCode();
        if (status == 429) {
            throw new KratosRateLimitedException(response.headers().firstValue("Retry-After").orElse(null));
        }
        if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
            throw new KratosBadResponseException("Kratos answered " + operation + " with " + status, null);
        }
        return new FlowAnswer(status, parse(operation, response.body()));
    }

    private static JsonObject parse(String operation, String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new KratosBadResponseException("Kratos answered " + operation + " with a body that is not a JSON object", null);
        }
    }

    private KratosUnavailableException unavailable(String operation, Exception e) {
        return new KratosUnavailableException("Kratos at " + kratosUrl + " did not answer (" + operation + "): "
                + e.getClass().getSimpleName(), e);
    }

    private HttpClient http() {
        HttpClient result = http;
        if (result == null) {
            synchronized (this) {
                result = http;
                if (result == null) {
                    result = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout).build();
                    http = result;
                }
            }
        }
        return result;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
