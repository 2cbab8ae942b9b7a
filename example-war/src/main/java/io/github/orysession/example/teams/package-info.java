/**
 * The example's own roles: a tiny in-memory "application database" of teams ({@link
 * io.github.orysession.example.teams.TeamDirectory}), the library's {@code SessionAugmentor} that reads it ({@link
 * io.github.orysession.example.teams.TeamRoles}), its administration, and a resource only its {@code editor} role
 * opens.
 *
 * <pre>{@code
 * PUT /api/admin/teams/{identityId}/roles/editor    (an admin)  -> 204
 * GET /api/articles/drafts                          (that user) -> 200
 * }</pre>
 */
package io.github.orysession.example.teams;
