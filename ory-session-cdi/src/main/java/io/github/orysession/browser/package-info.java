/**
 * Sending browsers to Kratos's login, safely: {@link io.github.orysession.internal.http.RequestKind} tells a browser
 * navigation from an API call, {@link io.github.orysession.browser.LoginRedirects} builds the login, step-up
 * ({@code aal=aal2}) and re-authentication ({@code refresh=true}) URLs, and
 * {@link io.github.orysession.browser.ReturnToPolicy} is the allow-list every {@code return_to} passes through,
 * public so that an application's pages and logout links can check their own targets.
 *
 * <pre>{@code
 * # META-INF/microprofile-config.properties
 * ory.browser.allowed-return-urls=https://app.example.com
 * ory.browser.default-return-url=https://app.example.com/
 *
 * @Inject ReturnToPolicy returnTo;
 * URI next = returnTo.returnTo(nextParameter, requestUri).orElse(URI.create("https://app.example.com/"));
 * }</pre>
 */
package io.github.orysession.browser;

import io.github.orysession.internal.http.RequestKind;
