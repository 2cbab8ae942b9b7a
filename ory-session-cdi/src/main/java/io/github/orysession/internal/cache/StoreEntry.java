package io.github.orysession.internal.cache;

import java.time.Instant;

/**
 * What a {@link SessionStore} holds under a credential's key: a session Kratos vouched for ({@link CachedSession}),
 * or a logout in progress ({@link LogoutMark}), which keeps the credential from being cached again.
 */
public sealed interface StoreEntry permits CachedSession, LogoutMark {

    /** When the entry stops counting: a session is no longer served, a mark no longer keeps anything out. */
    Instant expiresAt();
}
