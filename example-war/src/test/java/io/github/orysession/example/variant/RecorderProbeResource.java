package io.github.orysession.example.variant;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import io.github.orysession.OrySessionException;
import io.github.orysession.propagation.IdentityPropagationException;

/**
 * Not {@code @Authenticated}: calls the tests' header recorder through a REST client that registers
 * {@code OryIdentityPropagation}, at one of three URLs from the configuration, and says what came of it. The URLs
 * are never taken from the request:
 * <ul>
 * <li>{@code allowed}: {@code probe.recorder.allowed-url}, on {@code ory.propagation.allowed-urls};</li>
 * <li>{@code other-host}: the same recorder by another host name ({@code localhost} rather than {@code 127.0.0.1});</li>
 * <li>{@code other-path}: the same host and port, outside the allowed path.</li>
 * </ul>
 * A refusal of the library is rethrown for its exception mapper to answer.
 */
@Path("api/probe")
@RequestScoped
public class RecorderProbeResource {

    private static final Map<String, Object> CLIENTS = new ConcurrentHashMap<>();

    /**
     * @param target {@code allowed}, {@code other-host} or {@code other-path}
     * @param client {@code jwt}, {@code jwt-async}, {@code required} or {@code session-token}
     * @param marker passed on to the recorder, to find the call there
     * @return what the recorder answered
     */
    @GET
    @Path("{target}")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject call(@PathParam("target") String target, @QueryParam("client") @DefaultValue("jwt") String client,
                           @QueryParam("marker") String marker) {
        String answer;
        try {
            answer = switch (client) {
                case "jwt" -> client(target, RecorderProbeClients.Jwt.class).ping(marker);
                case "jwt-async" -> client(target, RecorderProbeClients.Jwt.class).pingAsync(marker).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                case "required" -> client(target, RecorderProbeClients.Required.class).ping(marker);
                case "session-token" -> client(target, RecorderProbeClients.SessionToken.class).ping(marker);
                default -> throw new NotFoundException("no client " + client);
            };
        } catch (ProcessingException | java.util.concurrent.ExecutionException e) {
            OrySessionException refusal = IdentityPropagationException.of(e).orElse(null);
            if (refusal != null) {
                throw refusal;
            }
            throw new IllegalStateException("the recorder could not be called", e);
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the recorder did not answer", e);
        }
        return Json.createObjectBuilder().add("recorder", answer).build();
    }

    private static <T> T client(String target, Class<T> type) {
        return type.cast(CLIENTS.computeIfAbsent(target + " " + type.getName(), key -> {
            String url = ConfigProvider.getConfig().getOptionalValue("probe.recorder." + target + "-url", String.class)
                    .orElseThrow(() -> new NotFoundException("no target " + target));
            return RestClientBuilder.newBuilder().baseUri(URI.create(url)).connectTimeout(5, TimeUnit.SECONDS)
                    .readTimeout(30, TimeUnit.SECONDS).build(type);
        }));
    }
}
