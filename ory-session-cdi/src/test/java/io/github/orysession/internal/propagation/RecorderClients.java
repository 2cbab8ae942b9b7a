package io.github.orysession.internal.propagation;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.github.orysession.propagation.OryIdentityPropagation;
import io.github.orysession.propagation.PropagateIdentity;

/** The REST client interfaces of {@link PropagationRestClientTest}; no type-level {@code @Path}. */
final class RecorderClients {

    private RecorderClients() {
    }

    /** Registers the provider itself; identity optional. */
    @RegisterRestClient(configKey = "recorder")
    @RegisterProvider(OryIdentityPropagation.class)
    public interface Optional {
        @GET
        @Path("allowed/echo")
        String call(@QueryParam("user") String user);

        @GET
        @Path("allowed/echo-async")
        CompletionStage<String> callAsync(@QueryParam("user") String user);

        @GET
        @Path("elsewhere/echo")
        String elsewhere(@QueryParam("user") String user);

        @GET
        @Path("allowed/{rest}")
        String escape(@jakarta.ws.rs.PathParam("rest") String rest);
    }

    /** Registers the provider itself; identity required. */
    @RegisterRestClient(configKey = "required-recorder")
    @RegisterProvider(OryIdentityPropagation.class)
    @PropagateIdentity(required = true)
    public interface Required {
        @GET
        @Path("allowed/echo")
        String call(@QueryParam("user") String user);

        @GET
        @Path("allowed/echo-async")
        CompletionStage<String> callAsync(@QueryParam("user") String user);

        @GET
        @Path("elsewhere/echo")
        String elsewhere(@QueryParam("user") String user);
    }

    /** Does not register the provider by annotation: {@code RestClientBuilder.register} does. */
    @RegisterRestClient(configKey = "programmatic-recorder")
    public interface Programmatic {
        @GET
        @Path("allowed/echo-async")
        CompletionStage<String> callAsync(@QueryParam("user") String user);
    }

    /** Does not register the provider: only {@code ory.propagation.all-clients=true} adds it. */
    @RegisterRestClient(configKey = "plain-recorder")
    public interface Unregistered {
        @GET
        @Path("allowed/echo")
        String call(@QueryParam("user") String user);
    }
}
