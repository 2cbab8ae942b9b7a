package io.github.orysession.model;

import java.util.Optional;

/**
 * An identity's traits or public metadata do not fit the type they were read as ({@link Identity#traitsAs(Class)},
 * {@link Identity#metadataPublicAs(Class)}, {@code @Inject @Traits}), or a session augmentor's attributes the type
 * asked of {@code OrySession.attributesAs}: a member of the wrong JSON type, a type JSON-B cannot create, or an
 * identity of a schema the type is not for ({@link IdentitySchema}).
 * <p>
 * A mismatch between the application's types and its identity schema, so a server error: nothing the user can fix.
 * The message names the document, the member (for example {@code traits.address.zip}) and the Java field it did not
 * fit, never a value: traits are personal data.
 */
public class IdentityMappingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String member;

    /**
     * @param message what did not fit, naming the member and the type, without any value
     * @param member the member that did not fit, as a dotted path from the document ({@code traits.age}), or
     *        {@code null} when no single member is to blame
     * @param cause the JSON-B exception, or {@code null}
     */
    public IdentityMappingException(String message, String member, Throwable cause) {
        super(message, cause);
        this.member = member;
    }

    /** The member that did not fit, as a dotted path such as {@code traits.address.zip}, when one is to blame. */
    public Optional<String> member() {
        return Optional.ofNullable(member);
    }
}
