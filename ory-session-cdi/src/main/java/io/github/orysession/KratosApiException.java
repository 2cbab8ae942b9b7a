package io.github.orysession;

import java.util.Optional;

import io.github.orysession.model.KratosError;

/**
 * Kratos answered a session-management call (listing, revoking, extending sessions, logging out) with an error, and
 * the error is kept whole in {@link #error()} rather than flattened into the message.
 * <p>
 * {@link #status()} is what the application's own client should be told, which is not always what Kratos answered
 * ({@link #kratosStatus()}):
 * <ul>
 * <li>Kratos's own {@code 4xx} passes through when the client asked for something Kratos refuses: {@code 400} for
 * revoking the current session through {@code DELETE /sessions/{id}} (the logout flow does that), {@code 404} for a
 * session or identity that does not exist. {@link #reason()} is then Kratos's error id when it sent one, otherwise
 * {@code bad_request}, {@code not_found}, {@code forbidden}, {@code conflict} or {@code kratos_refused}.</li>
 * <li>{@code 502} when the fault is Kratos's or the configuration's, not the client's: a {@code 5xx} (reason
 * {@code kratos_bad_response}), or the admin API refusing the library itself with {@code 401}/{@code 403} because
 * of a missing or wrong {@code ory.kratos.admin-api-key} (reason {@code kratos_admin_unauthorized}).</li>
 * </ul>
 * Messages never contain a credential or the admin API key.
 */
public class KratosApiException extends OrySessionException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;
    private final int kratosStatus;
    private final transient KratosError error;

    /**
     * @param status the status the application's client gets
     * @param reason a short machine-readable reason
     * @param message what happened, without any credential
     * @param kratosStatus the status Kratos answered
     * @param error Kratos's error body, or {@code null} when it sent none
     */
    public KratosApiException(int status, String reason, String message, int kratosStatus, KratosError error) {
        super(message, null);
        this.status = status;
        this.reason = reason;
        this.kratosStatus = kratosStatus;
        this.error = error;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String reason() {
        return reason;
    }

    /** The HTTP status Kratos answered with. */
    public int kratosStatus() {
        return kratosStatus;
    }

    /** Kratos's error body ({@code id}, {@code code}, {@code reason}, {@code message}, {@code details}), when it sent one. */
    public Optional<KratosError> error() {
        return Optional.ofNullable(error);
    }

    /** Whether the application's client caused this ({@code 4xx}), so that Kratos's error may be shown to it. */
    public boolean isClientError() {
        return status >= 400 && status < 500;
    }
}
