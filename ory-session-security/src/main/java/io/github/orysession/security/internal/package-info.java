/**
 * Internal, not part of the API: the Jakarta Security mechanism that
 * {@link io.github.orysession.security.OrySessionMechanismDefinition} turns on, the CDI extension that adds it, and
 * the decision it makes for each request. Applications use the definition annotation only.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @OrySessionMechanismDefinition      // adds OrySessionAuthenticationMechanism at deployment
 * public class Security {
 * }
 * }</pre>
 */
package io.github.orysession.security.internal;
