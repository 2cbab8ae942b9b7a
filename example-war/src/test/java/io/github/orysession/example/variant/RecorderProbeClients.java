package io.github.orysession.example.variant;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import io.github.orysession.propagation.OryIdentityPropagation;
import io.github.orysession.propagation.PropagateIdentity;
import io.github.orysession.propagation.PropagationMode;

/**
 * REST clients of the integration tests' header recorder, one per way of carrying the identity, built by
 * {@link RecorderProbeResource} for each target URL. No type-level {@code @Path}.
 */
public final class RecorderProbeClients {

    private RecorderProbeClients() {
    }

    /** The session's JWT when there is one; nothing otherwise. */
    @RegisterProvider(OryIdentityPropagation.class)
    public interface Jwt {
        @GET
        @Path("echo")
        String ping(@QueryParam("marker") String marker);

        @GET
        @Path("echo")
        CompletionStage<String> pingAsync(@QueryParam("marker") String marker);
    }

    /** The session's JWT, or no call at all. */
    @RegisterProvider(OryIdentityPropagation.class)
    @PropagateIdentity(required = true)
    public interface Required {
        @GET
        @Path("echo")
        String ping(@QueryParam("marker") String marker);
    }

    /** The caller's session token when there is one (never a cookie); nothing otherwise. */
    @RegisterProvider(OryIdentityPropagation.class)
    @PropagateIdentity(mode = PropagationMode.SESSION_TOKEN)
    public interface SessionToken {
        @GET
        @Path("echo")
        String ping(@QueryParam("marker") String marker);
    }
}
