package io.github.orysession.test;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.orysession.RefusalReason;
import io.github.orysession.model.Session;

/**
 * What Kratos answers in a Weld test set up with {@link OryWeld}: {@link WithOrySession} sets it for each test, and a
 * test can set it itself (with {@code @ExtendWith(WithOrySessionExtension.class)}, which resets it after each test).
 * Nothing is answered from a cache: every request asks anew, so the application's {@code SessionAugmentor} runs on
 * each.
 *
 * <pre>{@code
 * TestKratos.answer(TestSessions.session().email("ada@example.com").aal2());
 * TestKratos.unavailable();
 * TestKratos.anonymous();
 * }</pre>
 *
 * The answer is the JVM's: tests that set it run one at a time (JUnit's default).
 */
public final class TestKratos {

    /** What Kratos says; exactly one of the three is set. */
    record Answer(Session session, RefusalReason refusal, boolean unavailable) {
    }

    private static final Answer NO_CREDENTIALS = new Answer(null, RefusalReason.NO_CREDENTIALS, false);
    private static volatile Answer answer = NO_CREDENTIALS;
    private static final AtomicInteger WHOAMI_CALLS = new AtomicInteger();

    private TestKratos() {
    }

    /**
     * @param session the session the request carries and Kratos vouches for (refused as Kratos would when it has
     *        expired or is inactive)
     */
    public static void answer(Session session) {
        answer = new Answer(session, null, false);
    }

    /** @param session built by {@link TestSessions#session()} */
    public static void answer(SessionBuilder session) {
        answer(session.build());
    }

    /** The request carries no credentials (the default). */
    public static void anonymous() {
        answer = NO_CREDENTIALS;
    }

    /**
     * The request carries a session token that Kratos refuses.
     *
     * @param reason why, such as {@link RefusalReason#INVALID_SESSION} or {@link RefusalReason#INACTIVE_SESSION}
     */
    public static void refuse(RefusalReason reason) {
        answer = new Answer(null, reason, false);
    }

    /** The request carries a session token, and Kratos cannot be reached: {@code 503}, never anonymous. */
    public static void unavailable() {
        answer = new Answer(null, null, true);
    }

    /** Back to no credentials, and the call count to zero. */
    public static void reset() {
        answer = NO_CREDENTIALS;
        WHOAMI_CALLS.set(0);
    }

    /** @return how often the library asked "Kratos" since the last reset: at most once per request */
    public static int whoamiCalls() {
        return WHOAMI_CALLS.get();
    }

    static Answer current() {
        return answer;
    }

    static void called() {
        WHOAMI_CALLS.incrementAndGet();
    }
}
