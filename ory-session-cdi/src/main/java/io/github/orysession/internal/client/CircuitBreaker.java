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
 */
public final class CircuitBreaker {

    private enum Mode { CLOSED, OPEN, TRIAL }

    private record State(Mode mode, int failures, Instant openedAt) {
    }

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;
    private final AtomicReference<State> state = new AtomicReference<>(new State(Mode.CLOSED, 0, null));

    /**
     * @param failureThreshold consecutive failures that open the breaker
     * @param openFor how long it stays open before a trial call
     * @param clock the time source
     */
    public CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /**
     * Lets a call through, or refuses it while the breaker is open.
     *
     * @throws KratosUnavailableException while open, or while another call is the trial
     */
    public void acquire() {
        while (true) {
            State current = state.get();
            if (current.mode() == Mode.CLOSED) {
                return;
            }
            boolean trialDue = current.mode() == Mode.OPEN && !clock.instant().isBefore(current.openedAt().plus(openFor));
            if (!trialDue) {
                throw new KratosUnavailableException("Kratos failed " + current.failures()
                        + " times in a row; not asking again before " + current.openedAt().plus(openFor), null);
            }
            if (state.compareAndSet(current, new State(Mode.TRIAL, current.failures(), current.openedAt()))) {
                return;
            }
        }
    }

    /** Kratos answered on purpose: the breaker closes. */
    public void onSuccess() {
        State current = state.get();
        if (current.mode() != Mode.CLOSED || current.failures() != 0) {
            state.set(new State(Mode.CLOSED, 0, null));
        }
    }

    /** Kratos failed: one more consecutive failure, which may open the breaker. */
    public void onFailure() {
        state.updateAndGet(current -> {
            int failures = current.failures() + 1;
            boolean open = current.mode() == Mode.TRIAL || failures >= failureThreshold;
            return open ? new State(Mode.OPEN, failures, clock.instant()) : new State(Mode.CLOSED, failures, null);
        });
    }

    /** Whether calls are currently refused without asking Kratos. */
    public boolean isOpen() {
        return state.get().mode() != Mode.CLOSED;
    }
}
