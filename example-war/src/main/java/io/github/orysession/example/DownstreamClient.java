package io.github.orysession.example;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.github.orysession.propagation.OryIdentityPropagation;
import io.github.orysession.propagation.PropagateIdentity;

/**
 * The example's downstream service ({@code example-downstream}), called with the caller's identity: each call carries
 * the session's Kratos-signed JWT as {@code Authorization: Bearer}, and is refused rather than made without it. No
 * type-level {@code @Path}: Jersey would otherwise take the interface for one of the example's resources.
 */
@RegisterRestClient(configKey = "downstream")
@RegisterProvider(OryIdentityPropagation.class)
@PropagateIdentity(required = true)
public interface DownstreamClient {

    /** @return who the downstream says the caller is, as JSON */
    @GET
    @Path("api/caller")
    @Produces(MediaType.APPLICATION_JSON)
    String caller();

    /** @return the same, asynchronously: the identity is the one of the moment of the call */
    @GET
    @Path("api/caller")
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<String> callerAsync();

    /** @return the same, but the call is also made without a session (it then carries nothing) */
    @GET
    @Path("api/caller")
    @Produces(MediaType.APPLICATION_JSON)
    @PropagateIdentity(required = false)
    String callerIfAny();
}
