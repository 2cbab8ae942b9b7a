package io.github.orysession.propagation;

import jakarta.annotation.Priority;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import org.eclipse.microprofile.config.ConfigProvider;

import io.github.orysession.internal.propagation.PropagationFilter;

/**
 * A MicroProfile REST Client provider that carries the caller's identity to a downstream service: during a request
 * with a session, each call of the REST client gets the session's Kratos-signed JWT as
 * {@code Authorization: Bearer} (the default, {@link PropagationMode#JWT}), or the caller's session token as
 * {@code X-Session-Token} ({@link PropagationMode#SESSION_TOKEN}, for a downstream protected by this library).
 * <p>
 * What a call carries, in order:
 * <ul>
 * <li><b>Only to an allowed downstream.</b> The URL the request actually goes to (checked when it is sent, not the
 * REST client's configured base URL) must be admitted by {@code ory.propagation.allowed-urls}; otherwise the call
 * carries nothing. Without that key nothing is ever sent.</li>
 * <li><b>Only a session Kratos vouched for</b>, resolved once per request like everywhere else in the library
 * (usually from the cache). A caller without a session, or an expired or revoked one, makes calls that carry nothing;
 * Kratos being unreachable fails the call rather than making it anonymously.</li>
 * <li><b>Never past its {@code exp}.</b> A JWT close to its expiry ({@code ory.propagation.jwt-renew-before-ms}) is
 * renewed with Kratos first; an expired one is never sent.</li>
 * <li><b>Never a browser's cookie.</b> In session-token mode, a caller that signed in with a browser has no token to
 * forward, and the call carries nothing.</li>
 * <li><b>Required or not.</b> A client marked {@link PropagateIdentity#required()} is never called without the
 * identity: the call fails with {@link IdentityPropagationException} (or
 * {@link io.github.orysession.UnauthenticatedException} when the caller has no session), wrapped by the REST client
 * implementation in a {@code ProcessingException}.</li>
 * </ul>
 * <b>Taken when the call is made.</b> A synchronous call's filter runs on the calling thread, during the request.
 * An asynchronous call ({@code CompletionStage} return type) is sent from another thread, possibly after the request
 * is over: for every REST client that registers this provider (by annotation, by {@code RestClientBuilder.register}
 * or in {@code <client>/mp-rest/providers}), the library's {@code RestClientListener} also registers an
 * {@code AsyncInvocationInterceptorFactory} that takes the identity on the calling thread and hands it to the sending
 * thread, where Jersey (Payara) and Open Liberty's RESTEasy run the request filters just after the interceptor's
 * {@code applyContext}. Upstream RESTEasy runs such interceptors only for calls made on the thread that built the
 * client, and a plain JAX-RS client gets no hand-over at all: there an asynchronous call carries nothing (or is
 * refused when required), never another caller's identity; call synchronously.
 * <p>
 * The filter runs after every other request filter ({@link Priority} {@link Integer#MAX_VALUE}), so the URL it checks
 * is the one the request goes to and no other filter sees the credential; Jersey gives a provider registered by
 * {@code @RegisterProvider} without a priority {@code 5000} instead, so give it
 * {@code priority = Integer.MAX_VALUE} there when the client has filters that change the URL. It sets (replaces) its
 * header.
 *
 * <pre>{@code
 * @RegisterRestClient(configKey = "orders")
 * @RegisterProvider(OryIdentityPropagation.class)
 * public interface OrdersClient {
 *     @GET @Path("orders") List<Order> mine();
 * }
 *
 * # microprofile-config.properties
 * ory.session.tokenize-as=orders_jwt
 * ory.propagation.allowed-urls=https://orders.internal.example.com
 * orders/mp-rest/url=https://orders.internal.example.com
 * }</pre>
 */
@Priority(Integer.MAX_VALUE)
public final class OryIdentityPropagation implements ClientRequestFilter {

    private final PropagationFilter filter;

    /**
     * Reads the {@code ory.propagation.*} keys of the application the REST client is built in.
     *
     * @throws IllegalArgumentException naming the key, when a value is invalid (the deployment has already been refused
     *         for it, unless the value changed since)
     */
    public OryIdentityPropagation() {
        this.filter = PropagationFilter.of(ConfigProvider.getConfig());
    }

    /**
     * Adds the caller's identity to the outgoing request, or refuses it.
     *
     * @param request the outgoing request
     * @throws io.github.orysession.OrySessionException when a client that requires the identity cannot carry it, or when
     *         Kratos could not say who the caller is
     */
    @Override
    public void filter(ClientRequestContext request) {
        filter.filter(request);
    }
}
