/**
 * The example's downstream service: a JAX-RS application protected by its server's own MicroProfile JWT
 * ({@code @LoginConfig(authMethod = "MP-JWT")}), which verifies the Kratos-signed JWT that the example's REST client
 * forwards ({@code io.github.orysession.propagation}) against the tokenizer template's public keys, and answers with
 * the caller it sees. It depends on the Jakarta EE and MicroProfile APIs only: a service behind the entry point needs
 * no Ory library at all.
 */
package io.github.orysession.example.downstream;
