package io.github.orysession.events;

/** What a request offered in place of a session: never the value itself. */
public enum CredentialKind {
    /** A session token ({@code X-Session-Token} or {@code Authorization: Bearer}). */
    SESSION_TOKEN,
    /** Session cookies. */
    SESSION_COOKIE,
    /**
     * Something in a credential's place that cannot be one (too large, characters no credential has, more session
     * cookies than a browser sends), refused without asking Kratos; the event's reason says which.
     */
    UNUSABLE
}
