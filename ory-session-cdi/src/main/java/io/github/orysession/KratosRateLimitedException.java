package io.github.orysession;

import java.util.Optional;

/**
 * Kratos answered {@code 429 Too Many Requests}. Answered with {@code 429}, passing on Kratos's
 * {@code Retry-After}.
 */
public class KratosRateLimitedException extends OrySessionException {

    private static final long serialVersionUID = 1L;

    private final String retryAfter;

    /**
     * @param retryAfter Kratos's {@code Retry-After} value, or {@code null}
     */
    public KratosRateLimitedException(String retryAfter) {
        super("Kratos is rate-limiting session checks", null);
        this.retryAfter = retryAfter;
    }

    /** Kratos's {@code Retry-After} value, when it sent one. */
    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String reason() {
        return "kratos_rate_limited";
    }
}
