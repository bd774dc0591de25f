package dev.tandem.client;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches one socket: asks for a ping when the client has sent nothing for the interval, and
 * declares the socket dead when nothing at all arrived for the timeout (a network that dropped
 * without a close, a server that hangs), so the connection can reconnect instead of waiting forever.
 */
final class Heartbeat {

    private final long intervalNanos;
    private final long timeoutNanos;
    private volatile long limitNanos; // the connect timeout until the socket has its snapshot, then the timeout
    private final Runnable ping;
    private final Runnable dead;
    private final ScheduledFuture<?> task;
    private volatile long lastSent = System.nanoTime();
    private volatile long lastReceived = lastSent;
    private volatile boolean stopped;

    /**
     * @param openingMillis how long the socket may take to open and bring its snapshot
     * @param ping sends a ping
     * @param dead runs once, when nothing arrived for {@code timeoutMillis} (after {@link #live()})
     */
    Heartbeat(ScheduledExecutorService scheduler, long intervalMillis, long timeoutMillis, long openingMillis,
            Runnable ping, Runnable dead) {
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.limitNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(openingMillis, timeoutMillis));
        this.ping = ping;
        this.dead = dead;
        long tick = Math.max(5, Math.min(intervalMillis, timeoutMillis) / 4);
        this.task = scheduler.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    void sent() {
        lastSent = System.nanoTime();
    }

    void received() {
        lastReceived = System.nanoTime();
    }

    /** The socket has its snapshot: from now on, silence longer than the timeout means it is dead. */
    void live() {
        received();
        limitNanos = timeoutNanos;
    }

    void stop() {
        stopped = true;
        task.cancel(false);
    }

    private void tick() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastReceived >= limitNanos) {
            stop();
            dead.run();
        } else if (now - lastSent >= intervalNanos) {
            sent();
            ping.run();
        }
    }
}
