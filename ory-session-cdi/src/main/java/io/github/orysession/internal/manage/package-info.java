/**
 * Internal, not part of the API: the REST and HTTP clients of Kratos's session-management endpoints behind
 * {@link io.github.orysession.manage.MySessions} and {@link io.github.orysession.manage.SessionAdmin}.
 */
package io.github.orysession.internal.manage;
