/**
 * Internal, not part of the API: the CDI wiring: the portable extension that adds the library's beans and checks its configuration at
 * deployment, the {@code @Authenticated} interceptor, and the request-scoped beans that resolve a request's
 * session once. Applications do not use these types directly; they inject {@link io.github.orysession.OrySession}.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Invoices {
 *     @Authenticated            // enforced by AuthenticatedInterceptor on any CDI bean
 *     public Invoice latest() { ... }
 * }
 * }</pre>
 */
package io.github.orysession.internal.cdi;

import io.github.orysession.internal.cdi.AuthenticatedInterceptor;
