package io.github.orysession.test;

/** What {@link WithOrySession} makes of the test's request. */
public enum SessionState {
    /** The request carries a session Kratos vouches for, as the annotation describes it. */
    ACTIVE,
    /** The request carries a session that has expired: refused, {@code inactive_session} ({@code 401}). */
    EXPIRED,
    /** The request carries a session token Kratos does not know (revoked, or never issued): {@code invalid_session}. */
    REVOKED,
    /** The request carries no credentials: {@code no_credentials} ({@code 401}), and Kratos is not asked. */
    ANONYMOUS,
    /** Kratos cannot be reached: {@code kratos_unavailable} ({@code 503}), never anonymous. */
    KRATOS_UNAVAILABLE
}
