package io.github.orysession.internal.cdi;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.Authenticated;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.internal.credentials.Credentials;

/**
 * {@code @Authenticated} is checked before the application's interceptors and before {@code @Transactional}: a
 * refused caller opens no transaction and leaves no audit record.
 */
@EnableWeld
class InterceptorOrderCdiTest {

    /** Every interceptor entered, in order, across the test. */
    static final List<String> ENTERED = new CopyOnWriteArrayList<>();

    /** An application's own interceptor binding, such as an audit log. */
    @InterceptorBinding
    @Retention(RUNTIME)
    @Target({TYPE, METHOD})
    @interface Audited {
    }

    /** An application interceptor, at the priority the Interceptors specification gives applications. */
    @Audited
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class AuditInterceptor {
        @AroundInvoke
        public Object audit(InvocationContext context) throws Exception {
            ENTERED.add("audit");
            return context.proceed();
        }
    }

    /** Stands in for the transaction manager's interceptor, at the priority Jakarta Transactions gives it. */
    @Transactional
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
    public static class TransactionInterceptor {
        @AroundInvoke
        public Object begin(InvocationContext context) throws Exception {
            ENTERED.add("transaction");
            return context.proceed();
        }
    }

    /** A service whose method is authenticated, audited and transactional. */
    @ApplicationScoped
    public static class TransferService {
        @Authenticated
        @Audited
        @Transactional
        public String transfer() {
            ENTERED.add("method");
            return "done";
        }
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addExtension(new OrySessionExtension())
                    .addBeanClasses(FakeLookup.class, RequestRunner.class, AuditInterceptor.class,
                            TransactionInterceptor.class, TransferService.class))
            .build();

    @Inject
    FakeLookup kratos;
    @Inject
    RequestRunner runner;
    @Inject
    TransferService service;

    @BeforeEach
    void reset() {
        ENTERED.clear();
        kratos.add("token-alice", "alice");
    }

    @Test
    void noInterceptorOfTheApplicationIsEnteredForACallerWithoutASession() {
        assertThatThrownBy(() -> runner.inRequest(Credentials.none(), service::transfer))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> runner.inRequest(Credentials.ofToken("forged"), service::transfer))
                .isInstanceOf(UnauthenticatedException.class);

        assertThat(ENTERED).as("interceptors entered for refused callers: no transaction, no audit").isEmpty();
    }

    @Test
    void aCallerWithASessionGoesThroughEveryInterceptorAfterTheCheck() {
        String result = runner.inRequest(Credentials.ofToken("token-alice"), service::transfer);

        assertThat(result).isEqualTo("done");
        assertThat(ENTERED).as("the application's interceptors run, in their order, once the session is checked")
                .containsExactly("transaction", "audit", "method");
    }

    @Test
    void thePriorityIsBeforeTransactionsAndAfterRequestContextActivation() {
        assertThat(AuthenticatedInterceptor.PRIORITY).as("before @Transactional (PLATFORM_BEFORE + 200)")
                .isLessThan(Interceptor.Priority.PLATFORM_BEFORE + 200)
                .as("after @ActivateRequestContext (PLATFORM_BEFORE + 100)")
                .isGreaterThan(Interceptor.Priority.PLATFORM_BEFORE + 100);
    }
}
