package io.github.orysession.manage;

/** Which of an identity's sessions an administrative list returns (Kratos's {@code active} query parameter). */
public enum SessionFilter {
    /** Every session, active or not. */
    ALL,
    /** Sessions that are active and not expired. */
    ACTIVE,
    /** Sessions that were revoked or have expired. */
    INACTIVE
}
