/**
 * Internal, not part of the API: counts of whoami calls, cache hits and misses and failures by kind, published to MicroProfile Metrics when
 * the server has it, otherwise to OpenTelemetry when it has MicroProfile Telemetry.
 *
 * <pre>{@code
 * @Inject SessionMetrics metrics;
 * long calls = metrics.count(SessionMetrics.Event.WHOAMI_CALL);
 * }</pre>
 */
package io.github.orysession.internal.metrics;
