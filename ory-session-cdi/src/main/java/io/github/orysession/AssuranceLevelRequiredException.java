package io.github.orysession;

import java.util.Map;
import java.util.Optional;

import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.model.KratosError;

/**
 * The session's assurance level is too low: the user must add a second factor
 * ({@code /self-service/login/browser?aal=aal2}). Thrown when an {@code @Authenticated(aal = AAL2)} method meets an
 * {@code aal1} session, and when Kratos's whoami itself refuses an {@code aal1} session with
 * {@code session_aal2_required} ({@code session.whoami.required_aal: highest_available}). Answered with {@code 403}.
 */
public class AssuranceLevelRequiredException extends StepUpRequiredException {

    /** Kratos's error id for a session that needs a second factor, also this exception's reason. */
    public static final String SESSION_AAL2_REQUIRED = "session_aal2_required";

    private static final long serialVersionUID = 1L;

    private final AuthenticatorAssuranceLevel required;
    private final transient KratosError kratosError;

    /**
     * @param required the level needed
     * @param kratosError Kratos's error when Kratos itself refused the session, or {@code null}
     */
    public AssuranceLevelRequiredException(AuthenticatorAssuranceLevel required, KratosError kratosError) {
        super(kratosError == null ? "This needs a session with assurance level " + required.wireValue()
                : "Kratos requires a session with a second factor (session_aal2_required)");
        this.required = required;
        this.kratosError = kratosError;
    }

    @Override
    public String reason() {
        return "session_" + required.wireValue() + "_required";
    }

    /** The level needed. */
    public AuthenticatorAssuranceLevel required() {
        return required;
    }

    /** Kratos's own error, when it was Kratos that refused the session. */
    public Optional<KratosError> kratosError() {
        return Optional.ofNullable(kratosError);
    }

    @Override
    public Map<String, String> loginParameters() {
        return Map.of("aal", required.wireValue());
    }
}
