package io.github.orysession.internal.propagation;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.orysession.OrySessionException;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.config.PropagationConfig;
import io.github.orysession.propagation.IdentityPropagationException;
import io.github.orysession.propagation.IdentityPropagationException.Reason;

/**
 * Decides what one outgoing call carries, from its URL, its REST client's {@link ClientPolicy} and the caller's
 * {@link CapturedIdentity}, in this order:
 * <ol>
 * <li>the URL the request actually goes to must be admitted by {@value PropagationConfig#ALLOWED_URLS} (the return URL
 * allow-list's matcher: scheme, host, port, path prefix), otherwise the call carries nothing, whatever else is
 * true, and the identity is not even looked up;</li>
 * <li>Kratos's failure to say who the caller is fails the call (never taken for an anonymous caller);</li>
 * <li>a caller without a session, or a call outside a request, carries nothing;</li>
 * <li>JWT mode: the session's Kratos-signed JWT, only while before its {@code exp}; session-token mode: the caller's
 * session token, never a browser's cookie.</li>
 * </ol>
 * Where the call would carry nothing and its client requires an identity, the call is refused instead.
 */
final class Propagation {

    /** The header of {@link io.github.orysession.propagation.PropagationMode#SESSION_TOKEN}, as Kratos reads it. */
    static final String SESSION_TOKEN_HEADER = "X-Session-Token";
    /** The header of {@link io.github.orysession.propagation.PropagationMode#JWT}. */
    static final String AUTHORIZATION = "Authorization";

    /** What the call carries. */
    sealed interface Outcome permits Send, Skip, Refuse {
    }

    /**
     * Add the header.
     *
     * @param header the header name
     * @param value its value, a secret
     */
    record Send(String header, String value) implements Outcome {
        @Override
        public String toString() {
            return "Send[" + header + "]";
        }
    }

    /**
     * Add nothing.
     *
     * @param why for the log
     */
    record Skip(String why) implements Outcome {
    }

    /**
     * Do not make the call.
     *
     * @param failure what the caller gets
     */
    record Refuse(OrySessionException failure) implements Outcome {
    }

    private final ReturnToPolicy allowList;
    private final Clock clock;

    /**
     * @param allowList the downstream allow-list
     * @param clock the time source, for the JWT's expiry
     */
    Propagation(ReturnToPolicy allowList, Clock clock) {
        this.allowList = allowList;
        this.clock = clock;
    }

    /**
     * @param target the URL the request goes to, as the client is about to send it
     * @param policy the REST client method's policy
     * @param capture the caller's identity, asked for only when the URL is allowed
     * @return what the call carries
     */
    Outcome decide(URI target, ClientPolicy policy, Supplier<CapturedIdentity> capture) {
        if (!isAllowed(target)) {
            return skipOrRefuse(policy, "not an allowed downstream", Reason.DOWNSTREAM_NOT_ALLOWED,
                    "This call must carry the caller's identity, but " + PropagationConfig.ALLOWED_URLS
                            + " does not admit the URL it goes to");
        }
        CapturedIdentity identity = capture.get();
        return switch (identity.kind()) {
            case KRATOS_FAILURE -> new Refuse(identity.failure());
            case NO_SESSION -> policy.required() ? new Refuse(identity.failure()) : new Skip("the caller has no session");
            case OUTSIDE_REQUEST -> skipOrRefuse(policy, "not in a request", Reason.NO_REQUEST,
                    "This call must carry the caller's identity, but it is made outside a request, or on a thread the "
                            + "caller's identity was not given to");
            case SESSION -> switch (policy.mode()) {
                case JWT -> jwt(policy, identity);
                case SESSION_TOKEN -> sessionToken(policy, identity);
            };
        };
    }

    private Outcome jwt(ClientPolicy policy, CapturedIdentity identity) {
        Optional<String> jwt = identity.jwt();
        Optional<Instant> expiry = identity.jwtExpiry();
        if (jwt.isEmpty() || expiry.isEmpty()) {
            return skipOrRefuse(policy, "the session has no Kratos-signed JWT", Reason.NO_TOKENIZED_JWT,
                    "This call must carry the session's Kratos-signed JWT, but the session has none with an expiry: set "
                            + OryConfig.TOKENIZE_AS + " to a tokenizer template");
        }
        if (!clock.instant().isBefore(expiry.get())) {
            return skipOrRefuse(policy, "the session's JWT has expired", Reason.JWT_EXPIRED,
                    "The session's Kratos-signed JWT expired before this call was sent; try again");
        }
        return new Send(AUTHORIZATION, "Bearer " + jwt.get());
    }

    private static Outcome sessionToken(ClientPolicy policy, CapturedIdentity identity) {
        return identity.sessionToken().<Outcome>map(token -> new Send(SESSION_TOKEN_HEADER, token))
                .orElseGet(() -> skipOrRefuse(policy, "the session is a browser's cookie", Reason.NO_SESSION_TOKEN,
                        "This call must carry the caller's session token, but the caller signed in with a browser "
                                + "cookie, which is never forwarded: use the jwt mode for this client"));
    }

    private boolean isAllowed(URI target) {
        return target != null && allowList.admit(target.toString(), null).isPresent();
    }

    private static Outcome skipOrRefuse(ClientPolicy policy, String why, Reason reason, String message) {
        return policy.required() ? new Refuse(new IdentityPropagationException(reason, message)) : new Skip(why);
    }
}
