/**
 * Every configuration key of the library, read once from MicroProfile Config into
 * {@link io.github.orysession.config.OryConfig}.
 *
 * <pre>{@code
 * # META-INF/microprofile-config.properties
 * ory.kratos.url=https://my-project.projects.oryapis.com
 * ory.kratos.read-timeout-ms=3000
 * }</pre>
 */
package io.github.orysession.config;
