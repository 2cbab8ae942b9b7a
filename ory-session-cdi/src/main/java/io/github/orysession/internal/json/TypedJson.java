package io.github.orysession.internal.json;

import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import io.github.orysession.model.IdentityMappingException;

/**
 * Reads an identity's traits or public metadata into the application's own type with the server's JSON-B: the one
 * place the library uses JSON-B (the session itself is read with JSON-P, {@link SessionReader}), because binding
 * to a type the library does not know is what JSON-B is for.
 * <p>
 * The type is first chosen by the identity's schema ({@link SchemaTypes}); when JSON-B cannot bind the document, each
 * member is bound alone to find the one to blame ({@link MemberMismatch}), so that the exception names it.
 */
public final class TypedJson {

    private TypedJson() {
    }

    /**
     * @param document the traits or public metadata
     * @param documentName {@code traits} or {@code metadata_public}, for messages
     * @param schemaId the identity's schema id
     * @param type the type asked for: a record or class, or a sealed interface of {@code @IdentitySchema} types
     * @param <T> the type asked for
     * @return the document as that type
     * @throws IdentityMappingException when it does not fit, naming the member
     */
    public static <T> T read(JsonObject document, String documentName, String schemaId, Class<T> type) {
        return bind(document, documentName, SchemaTypes.resolve(type, schemaId, documentName));
    }

    /**
     * Reads a document whose shape does not depend on an identity schema, such as the augmentor's attributes.
     *
     * @param document the JSON object
     * @param documentName its name, for messages
     * @param type a record or class
     * @param <T> that type
     * @return the document as that type
     * @throws IdentityMappingException when it does not fit, naming the member
     */
    public static <T> T read(JsonObject document, String documentName, Class<T> type) {
        return bind(document, documentName, type);
    }

    private static <T> T bind(JsonObject document, String documentName, Class<T> target) {
        Jsonb jsonb = Holder.JSONB;
        try {
            return jsonb.fromJson(document.toString(), target);
        } catch (RuntimeException e) {
            Optional<MemberMismatch> mismatch = MemberMismatch.find(jsonb, document, target, documentName);
            String what = "Cannot read the " + ("attributes".equals(documentName) ? "session's " : "identity's ")
                    + documentName + " as " + target.getName() + ": ";
            throw mismatch.map(m -> new IdentityMappingException(what + m.describe(), m.path(), e))
                    .orElseGet(() -> new IdentityMappingException(what + "JSON-B could not bind it ("
                            + e.getClass().getSimpleName() + "); it needs a record, or a class with a public"
                            + " no-argument constructor", null, e));
        }
    }

    /** The server's JSON-B, created on first use and shared: a {@link Jsonb} is thread-safe and costly to make. */
    private static final class Holder {
        static final Jsonb JSONB = create();

        private static Jsonb create() {
            try {
                return JsonbBuilder.create();
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException("Reading identity traits as a type needs a JSON-B implementation"
                        + " (the server's; in tests, for example Eclipse Yasson)", e);
            }
        }
    }
}
