package io.github.orysession.internal.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.orysession.model.IdentityMappingException;
import io.github.orysession.model.IdentitySchema;

/**
 * Which type an identity's traits are read as, by its schema id: a sealed type maps each schema id to the one
 * permitted type whose {@link IdentitySchema} names it; a type with {@link IdentitySchema} refuses other schemas; any
 * other type reads every identity. Worked out once per type.
 */
public final class SchemaTypes {

    private static final ClassValue<Dispatch> DISPATCH = new ClassValue<>() {
        @Override
        protected Dispatch computeValue(Class<?> type) {
            return Dispatch.of(type);
        }
    };

    private SchemaTypes() {
    }

    /**
     * What is wrong with a type as a target, for the deployment to fail on.
     *
     * @param type a type an application reads traits as
     * @return the problem, or {@code null} when there is none
     */
    public static String problem(Class<?> type) {
        return DISPATCH.get(type).problem();
    }

    @SuppressWarnings("unchecked")
    static <T> Class<? extends T> resolve(Class<T> type, String schemaId, String documentName) {
        Dispatch dispatch = DISPATCH.get(type);
        if (dispatch.problem() != null) {
            throw new IdentityMappingException("Cannot read the identity's " + documentName + " as " + type.getName()
                    + ": " + dispatch.problem(), null, null);
        }
        if (dispatch.bySchema() != null) {
            Class<?> chosen = dispatch.bySchema().get(schemaId);
            if (chosen == null) {
                throw new IdentityMappingException("Cannot read the identity's " + documentName + " as "
                        + type.getName() + ": none of its permitted types is for the identity's schema '" + schemaId
                        + "' (" + describe(dispatch.bySchema()) + ")", null, null);
            }
            return (Class<? extends T>) chosen;
        }
        if (dispatch.schemas() != null && !dispatch.schemas().contains(schemaId)) {
            throw new IdentityMappingException("Cannot read the identity's " + documentName + " as " + type.getName()
                    + ": the identity's schema is '" + schemaId + "', and the type is for " + dispatch.schemas(), null, null);
        }
        return type;
    }

    private static String describe(Map<String, Class<?>> bySchema) {
        List<String> pairs = new ArrayList<>();
        bySchema.forEach((schema, type) -> pairs.add(schema + ": " + type.getSimpleName()));
        return String.join(", ", pairs);
    }

    /**
     * @param bySchema for a sealed type, its permitted type per schema id; otherwise {@code null}
     * @param schemas for a type with {@link IdentitySchema}, its schema ids; otherwise {@code null}
     * @param problem why the type cannot be a target, or {@code null}
     */
    private record Dispatch(Map<String, Class<?>> bySchema, Set<String> schemas, String problem) {

        static Dispatch of(Class<?> type) {
            if (type.isSealed()) {
                Map<String, Class<?>> bySchema = new LinkedHashMap<>();
                String problem = collect(type, bySchema);
                return new Dispatch(bySchema, null, problem);
            }
            IdentitySchema schema = type.getAnnotation(IdentitySchema.class);
            if (schema != null) {
                return new Dispatch(null, new TreeSet<>(Arrays.asList(schema.value())), null);
            }
            if (type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                return new Dispatch(null, null, "an interface or abstract class is read only when it is sealed and"
                        + " its permitted types carry @IdentitySchema");
            }
            return new Dispatch(null, null, null);
        }

        /** Adds the permitted types of a sealed type by schema id; returns what is wrong, or {@code null}. */
        private static String collect(Class<?> sealed, Map<String, Class<?>> bySchema) {
            for (Class<?> permitted : sealed.getPermittedSubclasses()) {
                IdentitySchema schema = permitted.getAnnotation(IdentitySchema.class);
                if (schema == null && permitted.isSealed()) {
                    String problem = collect(permitted, bySchema);
                    if (problem != null) {
                        return problem;
                    }
                    continue;
                }
                if (schema == null) {
                    return sealed.getName() + " permits " + permitted.getName() + ", which has no @IdentitySchema";
                }
                for (String id : schema.value()) {
                    Class<?> earlier = bySchema.putIfAbsent(id, permitted);
                    if (earlier != null) {
                        return "schema '" + id + "' is claimed by both " + earlier.getName() + " and " + permitted.getName();
                    }
                }
            }
            return bySchema.isEmpty() ? sealed.getName() + " permits no type with @IdentitySchema" : null;
        }
    }
}
