package io.github.orysession.internal.cdi;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.github.orysession.Authenticated;
import io.github.orysession.SessionRequirement;

/**
 * Enforces {@link Authenticated} on CDI beans: the method runs only when the request has a session that meets
 * the annotation's requirement (method level over class level), otherwise
 * {@link io.github.orysession.UnauthenticatedException}, a {@link io.github.orysession.StepUpRequiredException}
 * (or a Kratos failure) is thrown. Enabled for the whole application by its {@link Priority}.
 * <p>
 * Its priority, {@link #PRIORITY} ({@code PLATFORM_BEFORE + 150}), puts the session check before every interceptor
 * that does the application's work for a caller who may then be refused: the application's own interceptors
 * ({@code APPLICATION} and the libraries' {@code LIBRARY_BEFORE} ranges), MicroProfile Fault Tolerance
 * ({@code PLATFORM_AFTER + 10}, which would otherwise count refused callers as failures of the method and could open
 * its circuit breaker for everyone), Bean Validation ({@code PLATFORM_AFTER + 800}), and {@code @Transactional}
 * ({@code PLATFORM_BEFORE + 200}, no transaction is begun for a refused caller). Jakarta Security's own interceptors
 * (Soteria's) sit at {@code PLATFORM_BEFORE + 200} to {@code + 220}, next to the transactions. It still runs after
 * {@code @ActivateRequestContext} ({@code PLATFORM_BEFORE + 100}), since it reads the request-scoped session.
 * <p>
 * The binding's attributes are {@code @Nonbinding}, so Jakarta EE 10 gives the interceptor no portable way to
 * read them from the invocation; they are read by reflection once per bean class and method, and kept.
 */
@Authenticated
@Interceptor
@Priority(AuthenticatedInterceptor.PRIORITY)
public class AuthenticatedInterceptor {

    /** The interceptor's priority: after request-context activation, before transactions and application interceptors. */
    public static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 150;

    /** Shared by every instance: interceptors of request-scoped beans are created per request. */
    private static final Map<Key, SessionRequirement> REQUIREMENTS = new ConcurrentHashMap<>();

    private final SessionResolver resolver;

    /**
     * @param resolver the request's session resolver
     */
    @Inject
    public AuthenticatedInterceptor(SessionResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * Checks the session, then proceeds.
     *
     * @param context the invocation
     * @return what the method returns
     * @throws Exception what the method throws
     */
    @AroundInvoke
    public Object requireSession(InvocationContext context) throws Exception {
        resolver.require(requirementOf(context));
        return context.proceed();
    }

    private static SessionRequirement requirementOf(InvocationContext context) {
        Method method = context.getMethod();
        // The target may be a container-made subclass of the bean class; @Authenticated is @Inherited.
        Class<?> type = context.getTarget() != null ? context.getTarget().getClass()
                : method == null ? null : method.getDeclaringClass();
        return REQUIREMENTS.computeIfAbsent(new Key(type, method),
                key -> SessionRequirement.forMethod(key.type(), key.method()).orElse(SessionRequirement.ANY_SESSION));
    }

    private record Key(Class<?> type, Method method) {
    }
}
