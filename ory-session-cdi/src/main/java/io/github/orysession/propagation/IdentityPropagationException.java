package io.github.orysession.propagation;

import java.util.Objects;
import java.util.Optional;

import io.github.orysession.OrySessionException;

/**
 * A REST client call that must carry the caller's identity ({@link PropagateIdentity#required()}) cannot: the call
 * is not made. Thrown by {@link OryIdentityPropagation}'s filter; the REST client implementation hands it to the
 * caller as the cause of a {@code jakarta.ws.rs.ProcessingException} ({@link #of(Throwable)} finds it). A caller
 * without a session gets {@link io.github.orysession.UnauthenticatedException} instead, as everywhere else.
 * <p>
 * The JAX-RS module's exception mapper answers it like every {@link OrySessionException}: a JSON error body with
 * {@link #status()} and {@link #reason()}. Messages never hold a credential.
 */
public class IdentityPropagationException extends OrySessionException {

    private static final long serialVersionUID = 1L;
    /** How deep {@link #of(Throwable)} looks: the REST client implementations wrap once or twice; a cycle ends here. */
    private static final int MAX_CAUSES = 16;

    /** Why the identity could not be carried. */
    public enum Reason {
        /** The request goes to a URL that {@code ory.propagation.allowed-urls} does not admit. */
        DOWNSTREAM_NOT_ALLOWED("downstream_not_allowed", 500),
        /** The call is made outside a request (or on a thread that did not get the caller's identity). */
        NO_REQUEST("no_request", 500),
        /** JWT mode, but the session has no Kratos-signed JWT ({@code ory.session.tokenize-as} is not set). */
        NO_TOKENIZED_JWT("no_tokenized_jwt", 500),
        /** Session-token mode, but the caller's session is a browser's cookie, which is never forwarded. */
        NO_SESSION_TOKEN("no_session_token", 500),
        /** The session's JWT expired between the call and the moment it was sent (an asynchronous call). */
        JWT_EXPIRED("propagated_jwt_expired", 503);

        private final String wireValue;
        private final int status;

        Reason(String wireValue, int status) {
            this.wireValue = wireValue;
            this.status = status;
        }

        /** The {@code reason} of the error body, such as {@code downstream_not_allowed}. */
        public String wireValue() {
            return wireValue;
        }

        /** The HTTP status the failure is answered with. */
        public int status() {
            return status;
        }
    }

    private final Reason refusal;

    /**
     * @param refusal why the identity could not be carried
     * @param message what happened, naming the key to change where there is one, never a credential
     */
    public IdentityPropagationException(Reason refusal, String message) {
        super(message, null);
        this.refusal = Objects.requireNonNull(refusal);
    }

    /** Why the identity could not be carried. */
    public Reason refusal() {
        return refusal;
    }

    @Override
    public int status() {
        return refusal.status();
    }

    @Override
    public String reason() {
        return refusal.wireValue();
    }

    /**
     * The library's refusal behind a failed REST client call: the throwable itself or its first cause that is an
     * {@link OrySessionException} ({@code IdentityPropagationException}, {@code UnauthenticatedException}, or Kratos's
     * failure while the caller's session was looked up). For
     * {@code catch (ProcessingException e) { throw IdentityPropagationException.of(e).orElseThrow(() -> e); }}.
     *
     * @param failure what the REST client call threw, or what its {@code CompletionStage} completed with
     * @return the library's exception, or empty when the call failed for another reason
     */
    public static Optional<OrySessionException> of(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof OrySessionException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }
}
