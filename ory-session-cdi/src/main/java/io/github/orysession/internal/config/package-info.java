/**
 * Internal, not part of the API: every configuration key of the library, read once from MicroProfile Config into
 * {@link io.github.orysession.internal.config.OryConfig} (Kratos, sessions, JSON Web Tokens) and
 * {@link io.github.orysession.internal.config.BrowserConfig} (where browsers are sent: {@code ory.browser.*}).
 *
 * <pre>{@code
 * # META-INF/microprofile-config.properties
 * ory.kratos.url=https://my-project.projects.oryapis.com
 * ory.kratos.read-timeout-ms=3000
 * ory.browser.login-url=https://my-project.projects.oryapis.com/ui/login
 * ory.browser.allowed-return-urls=https://app.example.com
 * ory.browser.default-return-url=https://app.example.com/
 * }</pre>
 */
package io.github.orysession.internal.config;

import io.github.orysession.internal.config.BrowserConfig;
import io.github.orysession.internal.config.OryConfig;
