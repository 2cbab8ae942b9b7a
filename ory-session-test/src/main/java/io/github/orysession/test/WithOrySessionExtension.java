package io.github.orysession.test;

import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import io.github.orysession.RefusalReason;

/**
 * Sets {@link TestKratos} from the test method's {@link WithOrySession} (or its class's, or an enclosing class's) before
 * each test, and resets it after. Registered by {@link WithOrySession} itself; register it explicitly
 * ({@code @ExtendWith}) for tests that set {@link TestKratos} by hand.
 */
public final class WithOrySessionExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        TestKratos.reset();
        find(context).ifPresent(WithOrySessionExtension::apply);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestKratos.reset();
    }

    private static Optional<WithOrySession> find(ExtensionContext context) {
        Optional<WithOrySession> onMethod = context.getTestMethod().flatMap(m -> annotation(m));
        if (onMethod.isPresent()) {
            return onMethod;
        }
        for (Optional<Class<?>> type = context.getTestClass(); type.isPresent();
             type = Optional.ofNullable(type.get().getEnclosingClass())) {
            Optional<WithOrySession> onClass = annotation(type.get());
            if (onClass.isPresent()) {
                return onClass;
            }
        }
        return Optional.empty();
    }

    private static Optional<WithOrySession> annotation(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, WithOrySession.class);
    }

    static void apply(WithOrySession described) {
        switch (described.state()) {
            case ANONYMOUS -> TestKratos.anonymous();
            case REVOKED -> TestKratos.refuse(RefusalReason.INVALID_SESSION);
            case KRATOS_UNAVAILABLE -> TestKratos.unavailable();
            case EXPIRED -> TestKratos.answer(session(described).expired());
            case ACTIVE -> TestKratos.answer(session(described));
        }
    }

    /** The session the annotation describes. */
    static SessionBuilder session(WithOrySession described) {
        SessionBuilder session = TestSessions.session().email(described.email()).schemaId(described.schemaId())
                .aal(described.aal()).roles(described.roles())
                .signedInAgo(Duration.ofSeconds(described.signedInSecondsAgo()));
        if (!described.identityId().isEmpty()) {
            session.identityId(described.identityId());
        }
        if (!described.traits().isEmpty()) {
            session.traits(described.traits());
        }
        if (!described.metadataPublic().isEmpty()) {
            session.metadataPublic(described.metadataPublic());
        }
        return session;
    }
}
