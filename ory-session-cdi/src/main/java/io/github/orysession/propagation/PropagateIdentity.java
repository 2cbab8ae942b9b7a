package io.github.orysession.propagation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How {@link OryIdentityPropagation} carries the caller's identity on the calls of a MicroProfile REST client
 * interface (on the type) or of one of its methods (the method's annotation wins over the type's). Without it a
 * call carries the Kratos-signed JWT of the session when there is one, and nothing otherwise.
 * <p>
 * The annotation only configures the provider, it does not register it: register {@link OryIdentityPropagation}
 * with {@code @RegisterProvider} (or for every REST client with {@code ory.propagation.all-clients=true}).
 * Configuration wins over the annotation: {@code ory.propagation.client.<configKey>.mode} and
 * {@code ory.propagation.client.<configKey>.required}, where {@code <configKey>} is the interface's
 * {@code @RegisterRestClient(configKey = ...)}, or its fully qualified name.
 *
 * <pre>{@code
 * @RegisterRestClient(configKey = "orders")
 * @RegisterProvider(OryIdentityPropagation.class)
 * @PropagateIdentity(required = true)               // never call the orders service anonymously
 * public interface OrdersClient {
 *     @GET @Path("orders") List<Order> mine();
 *
 *     @GET @Path("orders/{id}")
 *     CompletionStage<Order> one(@PathParam("id") String id);   // the identity is taken when the call is made
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PropagateIdentity {

    /** What the call carries: the session's Kratos-signed JWT (the default) or the caller's session token. */
    PropagationMode mode() default PropagationMode.JWT;

    /**
     * Whether the call must carry the caller's identity. When it cannot (no request, no session, a downstream not on
     * {@code ory.propagation.allowed-urls}, no JWT or no session token to send), the call is not made: the filter
     * throws {@link IdentityPropagationException}, or {@link io.github.orysession.UnauthenticatedException} when the
     * caller has no session, which the REST client implementation hands to the caller wrapped in a
     * {@code jakarta.ws.rs.ProcessingException} (an asynchronous call completes exceptionally with it). Without it,
     * such a call is made without any identity.
     */
    boolean required() default false;
}
