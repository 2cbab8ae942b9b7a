/**
 * Kratos's self-service flows as the example's server-side pages need them:
 * {@link io.github.orysession.example.selfservice.KratosFlows} fetches a login, registration or settings flow (or a
 * self-service error) on the browser's behalf, passing on only Kratos's own cookies
 * ({@link io.github.orysession.example.selfservice.KratosCookies}), and builds the URLs that start a new flow.
 *
 * <pre>{@code
 * @Inject KratosFlows flows;
 *
 * FlowAnswer answer = flows.fetch(FlowKind.LOGIN, flowId, headers.getRequestHeader("Cookie"));
 * if (!answer.isFound()) {
 *     return Response.seeOther(flows.browserInit(FlowKind.LOGIN, Map.of("return_to", allowedReturnTo))).build();
 * }
 * }</pre>
 */
package io.github.orysession.example.selfservice;
