/**
 * Internal, not part of the API: the MicroProfile Health readiness check {@code ory-kratos}, present when the server provides MicroProfile
 * Health: {@code GET /health/ready} is DOWN while Kratos cannot answer.
 *
 * <pre>{@code
 * $ curl -s localhost:8080/health/ready
 * {"status":"UP","checks":[{"name":"ory-kratos","status":"UP","data":{"circuit":"closed",...}}]}
 * }</pre>
 */
package io.github.orysession.internal.health;
