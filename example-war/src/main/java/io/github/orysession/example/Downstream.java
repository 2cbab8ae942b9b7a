package io.github.orysession.example;

import java.io.StringReader;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import io.github.orysession.OrySessionException;
import io.github.orysession.propagation.IdentityPropagationException;

/**
 * The example's calls to its downstream service, and what their failures become: the library's refusal (no
 * session, a downstream not on the allow-list, ...) is rethrown for the library's exception mapper to answer; a
 * downstream that answers with an error, or cannot be reached, is a {@link DownstreamException}.
 * <p>
 * The REST client is built once, with {@code RestClientBuilder}, from {@code downstream/mp-rest/url}; its
 * {@code @RegisterProvider} gives it the library's provider either way, as it would an {@code @Inject @RestClient}
 * client.
 */
@ApplicationScoped
public class Downstream {

    /** The downstream's base URL, the MicroProfile REST Client's key for the client's config key. */
    static final String URL = "downstream/mp-rest/url";
    private static final long TIMEOUT_SECONDS = 10;

    private volatile DownstreamClient client;

    /** @return who the downstream says the caller is; the call requires the caller's identity */
    public JsonObject caller() {
        return call(() -> client().caller());
    }

    /** @return the same through the asynchronous method, waited for here */
    public JsonObject callerAsync() {
        return call(() -> {
            CompletionStage<String> answer = client().callerAsync();
            try {
                return answer.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new ProcessingException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProcessingException(e);
            } catch (TimeoutException e) {
                throw new ProcessingException(e);
            }
        });
    }

    /** @return who the downstream says the caller is, with the identity when there is one, without otherwise */
    public JsonObject callerIfAny() {
        return call(() -> client().callerIfAny());
    }

    private JsonObject call(java.util.function.Supplier<String> call) {
        String body;
        try {
            body = call.get();
        } catch (WebApplicationException answered) {
            throw new DownstreamException(answered.getResponse().getStatus());
        } catch (ProcessingException failed) {
            // The library refused the call (IdentityPropagationException, UnauthenticatedException, Kratos down), or
            // the downstream could not be reached.
            OrySessionException refusal = IdentityPropagationException.of(failed).orElse(null);
            if (refusal != null) {
                throw refusal;
            }
            throw new DownstreamException(0);
        }
        try (JsonReader reader = JsonBodies.JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private DownstreamClient client() {
        DownstreamClient result = client;
        if (result == null) {
            URI url = URI.create(ConfigProvider.getConfig().getValue(URL, String.class));
            result = RestClientBuilder.newBuilder().baseUri(url).connectTimeout(2, TimeUnit.SECONDS)
                    .readTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).build(DownstreamClient.class);
            client = result;
        }
        return result;
    }

    /** The downstream answered with an error status, or could not be reached ({@link #status()} 0). */
    public static final class DownstreamException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int status;

        DownstreamException(int status) {
            super(status == 0 ? "The downstream service could not be reached" : "The downstream service answered " + status);
            this.status = status;
        }

        /** The downstream's status, or 0 when it could not be reached. */
        public int status() {
            return status;
        }
    }
}
