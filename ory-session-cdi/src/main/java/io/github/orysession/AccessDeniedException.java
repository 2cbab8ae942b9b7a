package io.github.orysession;

/**
 * The caller is known but may not do this: a role required by {@code @RolesAllowed} is not among the groups of
 * its session, or the method is {@code @DenyAll}. Answered with {@code 403}, never {@code 401}.
 */
public class AccessDeniedException extends OrySessionException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param reason a short machine-readable reason, such as {@code missing_role} or {@code denied}
     * @param message what happened
     */
    public AccessDeniedException(String reason, String message) {
        super(message, null);
        this.reason = reason;
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String reason() {
        return reason;
    }
}
