package io.github.orysession;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.model.Session;

/**
 * What an {@link Authenticated} method asks of the request's session: a lowest assurance level and, optionally,
 * a longest time since the user last authenticated. Read once per method (by the JAX-RS feature at start-up, by
 * the interceptor on first call) and kept.
 *
 * <pre>{@code
 * SessionRequirement need = SessionRequirement.forMethod(Resource.class, method).orElse(SessionRequirement.ANY_SESSION);
 * need.shortfall(session, Instant.now()).ifPresent(e -> { throw e; });
 * }</pre>
 *
 * @param aal the lowest assurance level: {@code AAL1} or {@code AAL2}
 * @param maxAge the longest time since {@code authenticated_at}, or {@code null} for no limit
 */
public record SessionRequirement(AuthenticatorAssuranceLevel aal, Duration maxAge) {

    /** Any usable session: {@code @Authenticated} without attributes. */
    public static final SessionRequirement ANY_SESSION = new SessionRequirement(AuthenticatorAssuranceLevel.AAL1, null);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when the level is not {@code AAL1} or {@code AAL2} (Kratos's browser login
     *         can raise a session to no other level), or the maximum age is not positive
     */
    public SessionRequirement {
        if (aal != AuthenticatorAssuranceLevel.AAL1 && aal != AuthenticatorAssuranceLevel.AAL2) {
            throw new IllegalArgumentException("aal must be AAL1 or AAL2 (the levels a Kratos login can give), got " + aal);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("the maximum authentication age must be positive, got " + maxAge);
        }
    }

    /**
     * @param annotation an {@code @Authenticated}
     * @return what it asks for
     * @throws IllegalArgumentException when its attributes are invalid, naming the attribute
     */
    public static SessionRequirement of(Authenticated annotation) {
        long seconds = annotation.maxAgeSeconds();
        if (seconds != Authenticated.NO_MAX_AGE && seconds <= 0) {
            throw new IllegalArgumentException("@Authenticated(maxAgeSeconds = " + seconds + ") must be positive, or "
                    + "Authenticated.NO_MAX_AGE for no limit");
        }
        try {
            return new SessionRequirement(annotation.aal(), seconds == Authenticated.NO_MAX_AGE ? null : Duration.ofSeconds(seconds));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@Authenticated: " + e.getMessage(), e);
        }
    }

    /**
     * The requirement of a method: its own {@code @Authenticated}, else its class's (inherited ones included).
     *
     * @param type the class whose instance runs the method (may be a subclass of the declaring class)
     * @param method the method
     * @return the requirement, or empty when neither the method nor the class is {@code @Authenticated}
     * @throws IllegalArgumentException when the annotation that applies is invalid, naming the method
     */
    public static Optional<SessionRequirement> forMethod(Class<?> type, Method method) {
        Authenticated annotation = method == null ? null : method.getAnnotation(Authenticated.class);
        if (annotation == null && type != null) {
            annotation = type.getAnnotation(Authenticated.class);
        }
        if (annotation == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(annotation));
        } catch (IllegalArgumentException e) {
            String where = method != null && method.isAnnotationPresent(Authenticated.class)
                    ? method.getDeclaringClass().getName() + "." + method.getName() + "()" : String.valueOf(type);
            throw new IllegalArgumentException(e.getMessage() + " on " + where, e);
        }
    }

    /**
     * What the session lacks, as the exception to answer with: the assurance level first (a step-up login also
     * authenticates anew), then the age. A session without {@code authenticated_at} is too old whenever there is a
     * maximum age: unknown is not recent.
     *
     * @param session a usable session
     * @param now the instant to judge at
     * @return empty when the session meets the requirement
     */
    public Optional<StepUpRequiredException> shortfall(Session session, Instant now) {
        if (!session.assuranceLevel().satisfies(aal)) {
            return Optional.of(new AssuranceLevelRequiredException(aal, null));
        }
        if (maxAge != null) {
            boolean stale = session.authenticationAge(now).map(age -> age.compareTo(maxAge) > 0).orElse(true);
            if (stale) {
                return Optional.of(new ReauthenticationRequiredException(maxAge));
            }
        }
        return Optional.empty();
    }
}
