package io.github.orysession.internal.jwt;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;

/**
 * Finds {@code @Claim} injection points that would keep the first caller's claim for every later caller: a plain
 * value ({@code String}, {@code Set<String>}, {@code Optional<String>}, a JSON value...) injected into a bean that
 * outlives the request, such as an {@code @ApplicationScoped} or {@code @Singleton} one. The value is injected once,
 * when the bean is made, while the request that made it is the only one it was right for. MicroProfile JWT asks for
 * a {@link ClaimValue}, {@link Provider} or {@code Instance} there, which read the claim on each use.
 */
final class ClaimScopes {

    /** Scopes whose instances serve more than one request. */
    private static final Set<Class<? extends Annotation>> OUTLIVE_A_REQUEST = Set.of(ApplicationScoped.class,
            Singleton.class, SessionScoped.class, ConversationScoped.class);

    private ClaimScopes() {
    }

    /**
     * @param bean a bean of the application
     * @return one message per {@code @Claim} injection point of the bean that captures the claim once; empty when none
     */
    static List<String> problems(Bean<?> bean) {
        List<String> problems = new ArrayList<>();
        if (!OUTLIVE_A_REQUEST.contains(bean.getScope())) {
            return problems;
        }
        for (InjectionPoint point : bean.getInjectionPoints()) {
            Claim claim = claimOf(point);
            if (claim != null && !readOnEachUse(point.getType())) {
                problems.add("@Claim(\"" + ClaimProducer.name(point) + "\") " + point.getType().getTypeName()
                        + " injected into " + where(point) + " of the @" + bean.getScope().getSimpleName() + " bean "
                        + bean.getBeanClass().getName() + " would keep the first request's claim for every later "
                        + "request: inject ClaimValue<T>, Provider<T> or Instance<T> there, or make the bean @RequestScoped");
            }
        }
        return problems;
    }

    private static Claim claimOf(InjectionPoint point) {
        for (Annotation qualifier : point.getQualifiers()) {
            if (qualifier instanceof Claim claim) {
                return claim;
            }
        }
        return null;
    }

    private static boolean readOnEachUse(Type type) {
        Type raw = type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type;
        return raw instanceof Class<?> rawClass
                && (ClaimValue.class.isAssignableFrom(rawClass) || Provider.class.isAssignableFrom(rawClass));
    }

    /**
     * {@code com.example.Greeter.subject}, {@code com.example.Greeter.greet(), parameter 0} or
     * {@code the constructor of com.example.Greeter, parameter 0}.
     */
    private static String where(InjectionPoint point) {
        Member member = point.getMember();
        String type = member.getDeclaringClass().getName();
        if (point.getAnnotated() instanceof AnnotatedParameter<?> parameter) {
            String callable = member instanceof Constructor<?> ? "the constructor of " + type : type + "." + member.getName() + "()";
            return callable + ", parameter " + parameter.getPosition();
        }
        return type + "." + member.getName();
    }
}
