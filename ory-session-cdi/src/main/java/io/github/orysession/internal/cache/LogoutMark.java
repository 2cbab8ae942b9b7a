package io.github.orysession.internal.cache;

import java.time.Instant;

/**
 * A logout of this credential through the library: until {@code expiresAt} the credential is never served from the
 * cache and never cached again, so that every request asks Kratos, and the first one after Kratos ended the session
 * is refused. A browser logout ends at Kratos when the browser follows the logout URL, which the application does not
 * see: the mark is what keeps a request made in between from caching the session again.
 *
 * @param expiresAt when the mark stops keeping the credential out of the cache
 */
public record LogoutMark(Instant expiresAt) implements StoreEntry {
}
