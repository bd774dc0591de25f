package dev.tandem.runtime.web;

import io.netty.channel.EventLoop;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drains the sinks of one event loop in one task. A broadcast to a hundred connections on a few
 * event loops then costs a few task submissions (and thread wake-ups), not a hundred. The
 * WebSocket endpoint keeps one per event loop.
 */
final class LoopFlusher implements Runnable {

    private final EventLoop loop;
    private final Queue<SocketSink> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    LoopFlusher(EventLoop loop) {
        this.loop = loop;
    }

    /** @param sink a sink of this loop with frames to write; it is drained soon, on the loop */
    void schedule(SocketSink sink) {
        pending.add(sink);
        if (scheduled.compareAndSet(false, true)) {
            loop.execute(this);
        }
    }

    @Override
    public void run() {
        scheduled.set(false);
        for (SocketSink sink = pending.poll(); sink != null; sink = pending.poll()) {
            sink.drain();
        }
    }
}
