package io.github.orysession.internal.propagation;

import java.util.function.Supplier;

import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptor;

/**
 * Carries the caller's identity from the thread that made an asynchronous REST client call to the thread that sends
 * it, through the MicroProfile REST Client's {@link AsyncInvocationInterceptor}: {@link #prepareContext()} takes it
 * on the calling thread (while the request is going on), {@link #applyContext()} hands it to the sending thread just
 * before the call's filters run there, {@link #removeContext()} takes it back and closes it once the call is over.
 * <p>
 * The filter takes the capture out of the thread as it reads it, and a capture is closed when its call completes
 * (Jersey runs {@code removeContext} on whichever thread completes the call, not always the one that got
 * {@code applyContext}): a pooled thread never keeps one that a later call could pick up.
 */
final class AsyncCaptures implements AsyncInvocationInterceptor {

    private static final ThreadLocal<CapturedIdentity> CURRENT = new ThreadLocal<>();

    private final Supplier<CapturedIdentity> capture;
    private volatile CapturedIdentity captured;

    /**
     * @param capture takes the caller's identity on the calling thread
     */
    AsyncCaptures(Supplier<CapturedIdentity> capture) {
        this.capture = capture;
    }

    @Override
    public void prepareContext() {
        captured = capture.get();
    }

    @Override
    public void applyContext() {
        CapturedIdentity mine = captured;
        if (mine != null) {
            CURRENT.set(mine);
        } else {
            CURRENT.remove();
        }
    }

    @Override
    public void removeContext() {
        CapturedIdentity mine = captured;
        if (mine != null) {
            mine.close();
            if (CURRENT.get() == mine) {
                CURRENT.remove();
            }
        }
    }

    /**
     * The capture an asynchronous call brought to this thread, taken out of it.
     *
     * @return the capture, or {@code null} when this thread has none that is still open
     */
    static CapturedIdentity take() {
        CapturedIdentity current = CURRENT.get();
        if (current == null) {
            return null;
        }
        CURRENT.remove();
        return current.isOpen() ? current : null;
    }
}
