package dev.tandem.runtime.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs one instance's messages strictly one at a time, in the order they were posted, on a shared
 * executor: at most one thread works on a mailbox at any moment, and an idle mailbox holds no
 * thread. A batch of up to {@code batchSize} messages runs per scheduling, then {@code afterBatch}.
 *
 * @param <M> the message type
 */
final class Mailbox<M> implements Runnable {

    private final Queue<M> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor executor;
    private final Consumer<M> handler;
    private final Runnable afterBatch;
    private final int batchSize;
    private volatile boolean suspended;
    private volatile boolean closed;

    Mailbox(Executor executor, Consumer<M> handler, Runnable afterBatch, int batchSize, boolean suspended) {
        this.executor = executor;
        this.handler = handler;
        this.afterBatch = afterBatch;
        this.batchSize = batchSize;
        this.suspended = suspended;
    }

    /**
     * @param message a message
     * @return {@code false} if the mailbox is closed; the message was not taken
     */
    boolean offer(M message) {
        if (closed) {
            return false;
        }
        queue.add(message);
        if (closed && queue.remove(message)) {
            return false; // closed meanwhile and not drained: the caller routes it elsewhere
        }
        schedule();
        return true;
    }

    /** Starts processing messages posted while suspended. */
    void resume() {
        suspended = false;
        schedule();
    }

    /** Stops taking messages; those still queued are left for {@link #drain(Consumer)}. */
    void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    /** Hands every queued message to {@code sink}; used to move messages of a closed mailbox. */
    void drain(Consumer<M> sink) {
        for (M m = queue.poll(); m != null; m = queue.poll()) {
            sink.accept(m);
        }
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    private void schedule() {
        if (!suspended && !closed && !queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false); // the server is stopping
            }
        }
    }

    @Override
    public void run() {
        try {
            for (int i = 0; i < batchSize && !closed; i++) {
                M m = queue.poll();
                if (m == null) {
                    break;
                }
                handler.accept(m);
            }
            if (!closed) {
                afterBatch.run();
            }
        } finally {
            scheduled.set(false);
            schedule();
        }
    }
}
