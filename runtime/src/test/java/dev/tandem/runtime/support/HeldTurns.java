package dev.tandem.runtime.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A turn that runs until the test lets it go (the {@code counter} fixture's {@code hold} action):
 * the instance is busy, at a point the test knows, for exactly as long as the test needs. One
 * held turn at a time; each waits at most {@link TestSocket#WAIT}.
 */
public final class HeldTurns {

    private static final Semaphore STARTED = new Semaphore(0);
    private static final Semaphore RELEASED = new Semaphore(0);

    private HeldTurns() {
    }

    /** Called by the held turn. */
    public static void enter() throws InterruptedException {
        STARTED.release();
        if (!RELEASED.tryAcquire(TestSocket.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the test never released the held turn");
        }
    }

    /** Waits until a held turn is running. */
    public static void awaitStarted() throws InterruptedException {
        if (!STARTED.tryAcquire(TestSocket.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("timed out waiting for the held turn to start");
        }
    }

    /** Lets the held turn finish. */
    public static void release() {
        RELEASED.release();
    }
}
