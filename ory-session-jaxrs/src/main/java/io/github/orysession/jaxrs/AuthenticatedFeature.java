package io.github.orysession.jaxrs;

import java.lang.reflect.Method;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import io.github.orysession.Authenticated;

/**
 * Decides once per resource method, when the application starts, whether it needs a session, and registers
 * an {@link OrySessionFilter} for it at {@link Priorities#AUTHENTICATION}. A method-level {@link Authenticated}
 * wins over a class-level one; {@code @Authenticated} is {@code @Inherited}, so subclasses keep it.
 */
@Provider
public class AuthenticatedFeature implements DynamicFeature {

    private final LibraryBeans beans = new LibraryBeans();

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        context.register(new OrySessionFilter(requiresSession(resourceInfo), beans), Priorities.AUTHENTICATION);
    }

    static boolean requiresSession(ResourceInfo resourceInfo) {
        Method method = resourceInfo.getResourceMethod();
        if (method != null && method.isAnnotationPresent(Authenticated.class)) {
            return true;
        }
        Class<?> type = resourceInfo.getResourceClass();
        return type != null && type.isAnnotationPresent(Authenticated.class);
    }
}
