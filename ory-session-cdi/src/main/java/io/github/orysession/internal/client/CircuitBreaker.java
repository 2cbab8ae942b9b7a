package io.github.orysession.internal.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.orysession.KratosUnavailableException;

/**
 * Stops asking a Kratos that keeps failing, so that request threads are not each tied up for the full timeout.
 * <p>
 * After {@code failureThreshold} consecutive failures (unreachable, timeout, {@code 5xx}) the breaker opens:
 * calls fail at once with {@link KratosUnavailableException} (answered {@code 503}) for {@code openFor}. Then one
 * trial call is let through; its success closes the breaker, its failure opens it again. Any answer Kratos gives
 * on purpose ({@code 200}, {@code 401}, {@code 403}, {@code 429}) counts as a success.
 * <p>
 * Every call holds a {@link Permit} and closes it however it ends, so that a trial cannot keep the breaker from
 * ever closing again: a trial that ends without saying how Kratos answered (an {@link Error}, an unexpected
 * exception, a throwing metrics listener) lets the next caller try at once, and a trial that never ends at all (a
 * thread stuck somewhere) is given up after {@code trialTimeout}, after which the next caller is the trial.
 *
 * <pre>{@code
 * try (CircuitBreaker.Permit permit = breaker.acquire()) {
 *     Response response = callKratos();
 *     permit.succeeded();   // or permit.failed()
 * }
 * }</pre>
 */
public final class CircuitBreaker {

    private enum Mode { CLOSED, OPEN, TRIAL }

    /** The breaker's state; {@code trial} is the permit of the running trial, in {@link Mode#TRIAL} only. */
    private record State(Mode mode, int failures, Instant openedAt, Permit trial) {
    }

    private static final State CLOSED = new State(Mode.CLOSED, 0, null, null);

    private final int failureThreshold;
    private final Duration openFor;
    private final Duration trialTimeout;
    private final Clock clock;
    private final AtomicReference<State> state = new AtomicReference<>(CLOSED);

    /**
     * @param failureThreshold consecutive failures that open the breaker
     * @param openFor how long it stays open before a trial call
     * @param trialTimeout how long a trial call may run without reporting before the next caller is let through
     *        instead: longer than the longest call (connect and read timeouts together)
     * @param clock the time source
     */
    public CircuitBreaker(int failureThreshold, Duration openFor, Duration trialTimeout, Clock clock) {
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.trialTimeout = trialTimeout;
        this.clock = clock;
    }

    /**
     * Lets a call through, or refuses it while the breaker is open.
     *
     * @return the permit, to report the outcome on and to close when the call is over
     * @throws KratosUnavailableException while open, or while another call is the trial
     */
    public Permit acquire() {
        while (true) {
            State current = state.get();
            if (current.mode() == Mode.CLOSED) {
                return new Permit(null);
            }
            Instant now = clock.instant();
            if (!trialDue(current, now)) {
                throw new KratosUnavailableException("Kratos failed " + current.failures()
                        + " times in a row; not asking again before " + current.openedAt().plus(openFor), null);
            }
            Permit trial = new Permit(now);
            if (state.compareAndSet(current, new State(Mode.TRIAL, current.failures(), current.openedAt(), trial))) {
                return trial;
            }
        }
    }

    private boolean trialDue(State current, Instant now) {
        if (current.mode() == Mode.OPEN) {
            return !now.isBefore(current.openedAt().plus(openFor));
        }
        return !now.isBefore(current.trial().startedAt.plus(trialTimeout)); // a trial that never reported back
    }

    /** Kratos answered on purpose: the breaker closes. */
    void onSuccess() {
        State current = state.get();
        if (current != CLOSED) {
            state.set(CLOSED);
        }
    }

    /** Kratos failed: one more consecutive failure, which may open the breaker. */
    void onFailure() {
        state.updateAndGet(current -> {
            int failures = current.failures() + 1;
            boolean open = current.mode() == Mode.TRIAL || failures >= failureThreshold;
            return open ? new State(Mode.OPEN, failures, clock.instant(), null) : new State(Mode.CLOSED, failures, null, null);
        });
    }

    /** A trial ended without a verdict on Kratos: open as before, with the next trial due at once. */
    private void abandon(Permit trial) {
        state.updateAndGet(current -> current.trial() == trial
                ? new State(Mode.OPEN, current.failures(), clock.instant().minus(openFor), null)
                : current);
    }

    /** Whether calls are currently refused without asking Kratos. */
    public boolean isOpen() {
        return state.get().mode() != Mode.CLOSED;
    }

    /**
     * One call let through. Report how Kratos answered with {@link #succeeded()} or {@link #failed()}, and close
     * the permit in every case (try-with-resources): closing an unreported trial ends it.
     */
    public final class Permit implements AutoCloseable {

        private final Instant startedAt;
        private boolean reported;

        private Permit(Instant startedAt) {
            this.startedAt = startedAt;
        }

        /** Kratos answered on purpose: the breaker closes. */
        public void succeeded() {
            reported = true;
            onSuccess();
        }

        /** Kratos failed (no answer, a {@code 5xx}, garbage): one more consecutive failure. */
        public void failed() {
            reported = true;
            onFailure();
        }

        /** Ends the call; a trial that reported nothing is abandoned, so that the next caller may try. */
        @Override
        public void close() {
            if (!reported && startedAt != null) {
                abandon(this);
            }
        }
    }
}
