package io.github.orysession.manage;

/** Which of an identity's sessions an administrative list returns (Kratos's {@code active} query parameter). */
public enum SessionFilter {
    /** Every session, active or not. */
    ALL(null),
    /** Sessions that are active and not expired. */
    ACTIVE(Boolean.TRUE),
    /** Sessions that were revoked or have expired. */
    INACTIVE(Boolean.FALSE);

    private final Boolean active;

    SessionFilter(Boolean active) {
        this.active = active;
    }

    /** The value of Kratos's {@code active} parameter, {@code null} for no filter. */
    public Boolean activeParameter() {
        return active;
    }
}
