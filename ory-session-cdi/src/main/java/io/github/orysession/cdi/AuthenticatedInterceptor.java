package io.github.orysession.cdi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.github.orysession.Authenticated;

/**
 * Enforces {@link Authenticated} on CDI beans: the method runs only when the request has a usable session,
 * otherwise {@link io.github.orysession.UnauthenticatedException} (or a Kratos failure) is thrown.
 * Enabled for the whole application by its {@link Priority}.
 */
@Authenticated
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class AuthenticatedInterceptor {

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
        resolver.require();
        return context.proceed();
    }
}
