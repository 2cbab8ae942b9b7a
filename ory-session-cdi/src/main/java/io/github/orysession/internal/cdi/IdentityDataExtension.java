package io.github.orysession.internal.cdi;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.inject.Provider;

import io.github.orysession.MetadataPublic;
import io.github.orysession.OrySession;
import io.github.orysession.Traits;
import io.github.orysession.internal.json.SchemaTypes;
import io.github.orysession.model.Identity;

/**
 * Makes {@code @Inject @Traits T} and {@code @Inject @MetadataPublic T} work for whatever types the application asks
 * for: it notes every such injection point (also as {@code Instance<T>} or {@code Provider<T>}) while the container
 * starts, and adds one {@code @Dependent} bean per type and qualifier that reads the current request's identity.
 * <p>
 * Fails the deployment, naming the injection point, when the type can never be read (an interface that is not
 * sealed, a sealed type whose permitted types lack {@code @IdentitySchema} or share a schema id) or when it is
 * injected directly into a bean that outlives the request.
 */
public class IdentityDataExtension implements Extension {

    private final Set<Target> targets = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    <T, X> void collect(@Observes ProcessInjectionPoint<T, X> event) {
        InjectionPoint point = event.getInjectionPoint();
        Kind kind = Kind.of(point.getQualifiers());
        if (kind == null) {
            return;
        }
        Type type = point.getType();
        boolean perLookup = false;
        if (type instanceof ParameterizedType parameterized
                && (parameterized.getRawType() == Instance.class || parameterized.getRawType() == Provider.class)) {
            type = parameterized.getActualTypeArguments()[0];
            perLookup = true;
        }
        String where = "@" + kind.qualifier.annotationType().getSimpleName() + " at " + point.getMember();
        if (!(type instanceof Class<?> target) || target.isPrimitive() || target.isArray()) {
            problems.add(where + ": the type must be a record or class (or a sealed interface), not " + type.getTypeName());
            return;
        }
        String problem = SchemaTypes.problem(target);
        if (problem != null) {
            problems.add(where + ": " + problem);
            return;
        }
        Bean<?> bean = point.getBean();
        if (!perLookup && bean != null && bean.getScope() != RequestScoped.class && bean.getScope() != Dependent.class) {
            problems.add(where + ": a @" + bean.getScope().getSimpleName() + " bean would keep the first request's "
                    + kind.document + "; inject Instance<" + target.getSimpleName() + "> and call get() per request,"
                    + " or use a @RequestScoped bean");
            return;
        }
        targets.add(new Target(target, kind));
    }

    void addBeans(@Observes AfterBeanDiscovery event) {
        problems.forEach(problem -> event.addDefinitionError(new DeploymentException(problem)));
        problems.clear();
        for (Target target : targets) {
            event.addBean()
                    .beanClass(target.type())
                    .types(target.type(), Object.class)
                    .qualifiers(target.kind().qualifier, Any.Literal.INSTANCE)
                    .scope(Dependent.class)
                    .produceWith(beans -> target.kind().reader
                            .apply(beans.select(OrySession.class).get().identity(), target.type()));
        }
    }

    private record Target(Class<?> type, Kind kind) {
    }

    private enum Kind {
        TRAITS(Traits.Literal.INSTANCE, "traits", Identity::traitsAs),
        METADATA_PUBLIC(MetadataPublic.Literal.INSTANCE, "metadata_public", Identity::metadataPublicAs);

        final Annotation qualifier;
        final String document;
        final BiFunction<Identity, Class<?>, Object> reader;

        Kind(Annotation qualifier, String document, BiFunction<Identity, Class<Object>, Object> reader) {
            this.qualifier = qualifier;
            this.document = document;
            this.reader = (identity, type) -> reader.apply(identity, cast(type));
        }

        @SuppressWarnings("unchecked")
        private static Class<Object> cast(Class<?> type) {
            return (Class<Object>) type;
        }

        static Kind of(Set<Annotation> qualifiers) {
            for (Annotation qualifier : qualifiers) {
                if (qualifier instanceof Traits) {
                    return TRAITS;
                }
                if (qualifier instanceof MetadataPublic) {
                    return METADATA_PUBLIC;
                }
            }
            return null;
        }
    }
}
