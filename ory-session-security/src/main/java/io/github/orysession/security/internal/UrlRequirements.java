package io.github.orysession.security.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.orysession.Authenticated;
import io.github.orysession.SessionRequirement;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.security.OrySessionMechanismDefinition;
import io.github.orysession.security.UrlRequirement;

/**
 * The {@link OrySessionMechanismDefinition#requirements()} of an application, read and checked once at deployment:
 * which URLs need what of the session. When several match a path, the session must meet all of them: the highest
 * level and the shortest maximum age, so that adding a requirement can never weaken another.
 */
final class UrlRequirements {

    /** No URL needs more than a security constraint says. */
    static final UrlRequirements NONE = new UrlRequirements(List.of());

    private record Entry(UrlPattern pattern, SessionRequirement requirement) {
    }

    private final List<Entry> entries;

    private UrlRequirements(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param definition the application's definition
     * @param where the class that carries it, for the messages
     * @return the requirements
     * @throws IllegalArgumentException naming the class, the attribute and the value, when one is invalid
     */
    static UrlRequirements of(OrySessionMechanismDefinition definition, Class<?> where) {
        List<Entry> entries = new ArrayList<>();
        for (UrlRequirement annotation : definition.requirements()) {
            SessionRequirement requirement = requirement(annotation, where);
            if (annotation.urlPatterns().length == 0) {
                throw new IllegalArgumentException("@UrlRequirement on " + where.getName() + " has no urlPatterns");
            }
            for (String pattern : annotation.urlPatterns()) {
                try {
                    entries.add(new Entry(UrlPattern.parse(pattern), requirement));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("@UrlRequirement on " + where.getName() + ": " + e.getMessage(), e);
                }
            }
        }
        return new UrlRequirements(entries);
    }

    private static SessionRequirement requirement(UrlRequirement annotation, Class<?> where) {
        long seconds = annotation.maxAgeSeconds();
        if (seconds != Authenticated.NO_MAX_AGE && seconds <= 0) {
            throw new IllegalArgumentException("@UrlRequirement(maxAgeSeconds = " + seconds + ") on " + where.getName()
                    + " must be positive, or Authenticated.NO_MAX_AGE for no limit");
        }
        try {
            return new SessionRequirement(annotation.aal(), seconds == Authenticated.NO_MAX_AGE ? null : Duration.ofSeconds(seconds));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@UrlRequirement on " + where.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param path the request's path inside the application
     * @return what the session needs there, or empty when no requirement matches the path
     */
    Optional<SessionRequirement> requirementFor(String path) {
        SessionRequirement strictest = null;
        for (Entry entry : entries) {
            if (entry.pattern().matches(path)) {
                strictest = strictest == null ? entry.requirement() : both(strictest, entry.requirement());
            }
        }
        return Optional.ofNullable(strictest);
    }

    private static SessionRequirement both(SessionRequirement a, SessionRequirement b) {
        AuthenticatorAssuranceLevel aal = a.aal() == AuthenticatorAssuranceLevel.AAL2 || b.aal() == AuthenticatorAssuranceLevel.AAL2
                ? AuthenticatorAssuranceLevel.AAL2 : AuthenticatorAssuranceLevel.AAL1;
        Duration maxAge = a.maxAge() == null ? b.maxAge()
                : b.maxAge() == null ? a.maxAge() : (a.maxAge().compareTo(b.maxAge()) <= 0 ? a.maxAge() : b.maxAge());
        return new SessionRequirement(aal, maxAge);
    }

    /** Whether any URL has a requirement. */
    boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String toString() {
        return entries.stream().map(e -> e.pattern().pattern() + " -> " + e.requirement()).toList().toString();
    }
}
