package io.github.orysession.internal.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hand-over of a capture from the calling thread to the sending thread, and that none is ever left behind. */
class AsyncCapturesTest {

    private final ExecutorService sender = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        sender.shutdownNow();
    }

    @Test
    void theCaptureIsTakenOnTheCallingThreadAndReadOnceOnTheSendingThread() throws Exception {
        CapturedIdentity alice = CapturedIdentity.session("alice", "ory_st_alice", null, null);
        AsyncCaptures interceptor = new AsyncCaptures(() -> alice);
        interceptor.prepareContext();

        CapturedIdentity[] seen = sender.submit(() -> {
            interceptor.applyContext();
            return new CapturedIdentity[] {AsyncCaptures.take(), AsyncCaptures.take()};
        }).get(10, TimeUnit.SECONDS);
        interceptor.removeContext();

        assertThat(seen[0]).as("the filter's read").isSameAs(alice);
        assertThat(seen[1]).as("a second read on the same thread").isNull();
        assertThat(alice.isOpen()).as("closed once the call is over").isFalse();
    }

    @Test
    void aCaptureLeftOnAPooledThreadIsInertOnceItsCallIsOver() throws Exception {
        CapturedIdentity alice = CapturedIdentity.session("alice", "ory_st_alice", null, null);
        AsyncCaptures interceptor = new AsyncCaptures(() -> alice);
        interceptor.prepareContext();
        // The sending thread got the capture but its filter never ran (an earlier filter aborted the call) ...
        sender.submit(interceptor::applyContext).get(10, TimeUnit.SECONDS);
        // ... and the call completed on another thread, which ran removeContext (Jersey does so).
        CompletableFuture.runAsync(interceptor::removeContext).get(10, TimeUnit.SECONDS);

        CapturedIdentity later = sender.submit(AsyncCaptures::take).get(10, TimeUnit.SECONDS);

        assertThat(later).as("what a later call on the pooled thread finds").isNull();
    }

    @Test
    void anInterceptorWithoutACaptureClearsWhateverTheThreadHeld() throws Exception {
        CapturedIdentity alice = CapturedIdentity.session("alice", "ory_st_alice", null, null);
        AsyncCaptures first = new AsyncCaptures(() -> alice);
        first.prepareContext();
        sender.submit(first::applyContext).get(10, TimeUnit.SECONDS);

        AsyncCaptures unprepared = new AsyncCaptures(() -> alice);
        CapturedIdentity seen = sender.submit(() -> {
            unprepared.applyContext();
            return AsyncCaptures.take();
        }).get(10, TimeUnit.SECONDS);

        assertThat(seen).isNull();
    }
}
