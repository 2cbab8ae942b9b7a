package io.github.orysession.jaxrs;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * Finds the annotation that applies to a resource method, seen from the class that serves it: the method's own,
 * else the nearest declaration that says anything, method before class at each level, going up the superclasses
 * ({@code C.m()}, {@code C}, {@code S.m()}, {@code S}, ...) and then the interfaces they implement ({@code I.m()},
 * {@code I}, ...). So annotations on a resource interface count, as JAX-RS lets an interface carry a resource's
 * annotations, while a class's own annotation still wins over its interface's. It also sees through the subclasses
 * CDI containers make of beans (client proxies), whose overriding methods carry no annotations.
 */
final class ResourceAnnotations {

    private ResourceAnnotations() {
    }

    /**
     * @param type the class that serves the method (may be a subclass of the declaring class, or a CDI proxy)
     * @param method the method
     * @param kinds the annotations looked for, any of which decides
     * @return the method or class that carries one of them, or {@code null} when none does
     */
    @SafeVarargs
    static AnnotatedElement find(Class<?> type, Method method, Class<? extends Annotation>... kinds) {
        if (method != null && carries(method, kinds)) {
            return method;
        }
        Class<?> start = type != null ? type : method == null ? null : method.getDeclaringClass();
        for (Class<?> level = start; level != null && level != Object.class; level = level.getSuperclass()) {
            AnnotatedElement found = at(level, method, kinds);
            if (found != null) {
                return found;
            }
        }
        for (Class<?> contract : interfaces(start)) {
            AnnotatedElement found = at(contract, method, kinds);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * @param type the class that serves the method
     * @param method a public method of it
     * @return whether it is a sub-resource locator: {@code @Path} and no HTTP method, on it or on a method it
     *         overrides or implements
     */
    static boolean isLocator(Class<?> type, Method method) {
        boolean path = false;
        for (Method declaration : declarations(type, method)) {
            for (Annotation annotation : declaration.getAnnotations()) {
                if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                    return false;
                }
            }
            path |= declaration.isAnnotationPresent(Path.class);
        }
        return path;
    }

    private static AnnotatedElement at(Class<?> level, Method method, Class<? extends Annotation>[] kinds) {
        Method declared = method == null ? null : declared(level, method);
        if (declared != null && carries(declared, kinds)) {
            return declared;
        }
        for (Class<? extends Annotation> kind : kinds) {
            if (level.getDeclaredAnnotation(kind) != null) {
                return level;
            }
        }
        return null;
    }

    private static boolean carries(AnnotatedElement element, Class<? extends Annotation>[] kinds) {
        for (Class<? extends Annotation> kind : kinds) {
            if (element.isAnnotationPresent(kind)) {
                return true;
            }
        }
        return false;
    }

    /** The method and its declarations in the superclasses and interfaces of {@code type}. */
    private static List<Method> declarations(Class<?> type, Method method) {
        List<Method> declarations = new ArrayList<>();
        declarations.add(method);
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            Method declared = declared(level, method);
            if (declared != null && !declared.equals(method)) {
                declarations.add(declared);
            }
        }
        for (Class<?> contract : interfaces(type)) {
            Method declared = declared(contract, method);
            if (declared != null) {
                declarations.add(declared);
            }
        }
        return declarations;
    }

    private static Method declared(Class<?> type, Method method) {
        try {
            return type.getDeclaredMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Every interface of the class and its superclasses, nearest first, with their super-interfaces. */
    private static Set<Class<?>> interfaces(Class<?> type) {
        Set<Class<?>> found = new LinkedHashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>();
        for (Class<?> level = type; level != null; level = level.getSuperclass()) {
            queue.addAll(List.of(level.getInterfaces()));
        }
        while (!queue.isEmpty()) {
            Class<?> contract = queue.poll();
            if (found.add(contract)) {
                queue.addAll(List.of(contract.getInterfaces()));
            }
        }
        return found;
    }
}
