/**
 * Internal to the testing kit, not part of its API: the MicroProfile Config source that lets a CDI test start without
 * {@code ory.kratos.url}.
 */
package io.github.orysession.test.internal;
