package io.github.orysession.jaxrs;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.orysession.SessionRequirement;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

/**
 * What the sub-resource locators a request went through ask of it. A {@code DynamicFeature} is told about the
 * resource method that finally answers and its class, never about the locators that led to it; at request time
 * {@code UriInfo.getMatchedResources()} lists the resources matched, the answering one first. For each resource that
 * returned the next one, the locators that can have returned it (those whose return type the next resource is an
 * instance of; all of its locators when none is) add their {@code @Authenticated} and their {@code @RolesAllowed} or
 * {@code @DenyAll}, each its own or its class's: the request needs the strongest of the requirements and passes every
 * role rule. Worked out once per chain of classes, and kept.
 */
final class LocatorChain {

    /** A chain's demands: the strongest requirement (or {@code null}) and every role rule. */
    record Rules(SessionRequirement requirement, List<RoleRule> roles) {
        static final Rules NONE = new Rules(null, List.of());
    }

    private static final Map<List<Class<?>>, Rules> CHAINS = new ConcurrentHashMap<>();

    private LocatorChain() {
    }

    /**
     * @param matched the matched resource instances, the answering one first
     * @return what the locators among them demand; {@link Rules#NONE} when no locator was passed through
     * @throws IllegalStateException when a locator's {@code @Authenticated} is invalid
     */
    static Rules of(List<Object> matched) {
        if (matched == null || matched.size() < 2) {
            return Rules.NONE;
        }
        List<Class<?>> classes = matched.stream().<Class<?>>map(Object::getClass).toList();
        return CHAINS.computeIfAbsent(classes, LocatorChain::rulesOf);
    }

    /**
     * @param a a requirement, or {@code null}
     * @param b a requirement, or {@code null}
     * @return the one that asks for both: the higher assurance level, the shorter maximum age
     */
    static SessionRequirement strongest(SessionRequirement a, SessionRequirement b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        AuthenticatorAssuranceLevel aal = a.aal().satisfies(b.aal()) ? a.aal() : b.aal();
        Duration maxAge = a.maxAge() == null ? b.maxAge()
                : b.maxAge() == null || a.maxAge().compareTo(b.maxAge()) <= 0 ? a.maxAge() : b.maxAge();
        return new SessionRequirement(aal, maxAge);
    }

    private static Rules rulesOf(List<Class<?>> classes) {
        SessionRequirement requirement = null;
        List<RoleRule> roles = new ArrayList<>();
        for (int i = 1; i < classes.size(); i++) {
            for (Method locator : locators(classes.get(i), classes.get(i - 1))) {
                requirement = strongest(requirement, AuthenticatedFeature.requirement(classes.get(i), locator));
                RoleRule rule = RoleRule.of(classes.get(i), locator);
                if (rule != null) {
                    roles.add(rule);
                }
            }
        }
        return new Rules(requirement, List.copyOf(roles));
    }

    /** The locators of {@code parent} that can have returned a {@code child}; all of them when none can. */
    private static List<Method> locators(Class<?> parent, Class<?> child) {
        List<Method> all = new ArrayList<>();
        List<Method> returning = new ArrayList<>();
        for (Method method : parent.getMethods()) {
            if (method.getDeclaringClass() != Object.class && ResourceAnnotations.isLocator(parent, method)) {
                all.add(method);
                if (method.getReturnType().isAssignableFrom(child)) {
                    returning.add(method);
                }
            }
        }
        return returning.isEmpty() ? all : returning;
    }
}
