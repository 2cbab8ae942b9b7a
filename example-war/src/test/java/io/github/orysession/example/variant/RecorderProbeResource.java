package io.github.orysession.example.variant;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    /** Runs each asynchronous call a second after it was made, on a thread of its own: after the request is over. */
    private static final ExecutorService LATER = new Later();

    /**
     * @param target {@code allowed}, {@code other-host} or {@code other-path}
     * @param client {@code jwt}, {@code jwt-async}, {@code required}, {@code session-token}, or {@code jwt-later}: an
     *        asynchronous call sent a second after this request has been answered, from a thread outside any request
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
                case "jwt-later" -> {
                    later(target).pingAsync(marker);
                    yield "later";
                }
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
        return type.cast(CLIENTS.computeIfAbsent(target + " " + type.getName(), key -> builder(target).build(type)));
    }

    private static RecorderProbeClients.Jwt later(String target) {
        return (RecorderProbeClients.Jwt) CLIENTS.computeIfAbsent(target + " later",
                key -> builder(target).executorService(LATER).build(RecorderProbeClients.Jwt.class));
    }

    private static RestClientBuilder builder(String target) {
        String url = ConfigProvider.getConfig().getOptionalValue("probe.recorder." + target + "-url", String.class)
                .orElseThrow(() -> new NotFoundException("no target " + target));
        return RestClientBuilder.newBuilder().baseUri(URI.create(url)).connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS);
    }

    /** An executor that starts every task a second late on a daemon thread of its own pool. */
    private static final class Later extends AbstractExecutorService {

        private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "probe-later");
            thread.setDaemon(true);
            return thread;
        });

        @Override
        public void execute(Runnable task) {
            scheduler.schedule(task, 1, TimeUnit.SECONDS);
        }

        @Override
        public void shutdown() {
            scheduler.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return scheduler.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return scheduler.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return scheduler.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return scheduler.awaitTermination(timeout, unit);
        }
    }
}
