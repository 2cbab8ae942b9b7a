/**
 * Talking to Kratos: the MicroProfile REST client interface {@link io.github.orysession.client.KratosPublicApi},
 * the whoami call that fails closed ({@link io.github.orysession.client.KratosSessionClient}) and its
 * {@link io.github.orysession.client.CircuitBreaker}.
 *
 * <pre>{@code
 * @Inject SessionLookup lookup;
 * WhoamiResult verdict = lookup.whoami(Credentials.ofToken(token)); // throws on Kratos failures, never "anonymous"
 * }</pre>
 */
package io.github.orysession.client;
