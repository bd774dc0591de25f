package dev.tandem.runtime.support;

import dev.tandem.runtime.internal.TimerScheduler;
import dev.tandem.runtime.testkit.ManualClock;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Time a test moves (with {@code tandem.test.manual-time=true}): the server's {@link Clock} is a
 * {@link ManualClock}, and instance timers run when {@link #advance} makes them due, on the test's
 * thread, in order of due time; each posts its turn to the instance's mailbox before advance
 * returns, so whatever the test asks the instance next comes after it. No sleeping.
 */
@Singleton
@Requires(property = "tandem.test.manual-time", value = "true")
public final class ManualTime implements TimerScheduler {

    private final ManualClock clock = new ManualClock(Instant.now());
    private final List<Task> tasks = new ArrayList<>(); // guarded by this
    private long sequence; // guarded by this

    private record Task(long dueAt, long sequence, Runnable run) {
    }

    @Override
    public Runnable schedule(Runnable task, long dueAtMillis) {
        Task t;
        synchronized (this) {
            t = new Task(dueAtMillis, sequence++, task);
            if (dueAtMillis > clock.millis()) {
                tasks.add(t);
                return () -> cancel(t);
            }
        }
        task.run(); // due already (loaded overdue): at once, as the real scheduler would
        return () -> { };
    }

    private synchronized void cancel(Task t) {
        tasks.remove(t);
    }

    /** Moves the clock forward and runs every timer that is then due. */
    public void advance(Duration by) {
        clock.advance(by);
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> t.dueAt() <= clock.millis())
                        .min(Comparator.comparingLong(Task::dueAt).thenComparingLong(Task::sequence)).orElse(null);
                if (next == null) {
                    return;
                }
                tasks.remove(next);
            }
            next.run().run();
        }
    }

    /** Makes the manual clock the server's clock. */
    @Factory
    @Requires(property = "tandem.test.manual-time", value = "true")
    static final class ClockFactory {
        @Bean
        @Singleton
        Clock clock(ManualTime time) {
            return time.clock;
        }
    }
}
