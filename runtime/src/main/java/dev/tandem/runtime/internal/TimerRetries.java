package dev.tandem.runtime.internal;

import dev.tandem.ActionRejected;
import dev.tandem.runtime.TandemConfiguration;
import dev.tandem.spi.TransitionRefusedException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Internal API (used by the test kit too). What happens after a timer's turn failed and was rolled
 * back ({@code tandem.timers.retry.*}): an exception runs it again with exponential backoff until it
 * has run {@code max-attempts} times, then it is dropped and logged once at ERROR. An
 * {@link ActionRejected} is a deliberate refusal: not retried, logged at WARN. A timed transition
 * whose {@code from} no longer holds the current state did not run: not retried, logged at INFO.
 */
public final class TimerRetries {

    private static final Logger LOG = LoggerFactory.getLogger("dev.tandem.runtime.Timers");

    /**
     * @param failure what a timer's run threw
     * @return whether the policy runs it again (unless it has used up its attempts)
     */
    public static boolean retriable(Throwable failure) {
        return !(failure instanceof ActionRejected) && !(failure instanceof TransitionRefusedException);
    }

    /** Returned by {@link #next} for a timer that is not run again. */
    public static final long DROP = -1;

    private final TandemConfiguration.Timers.Retry retry;

    /** @param retry the policy */
    public TimerRetries(TandemConfiguration.Timers.Retry retry) {
        this.retry = retry;
    }

    /**
     * @param key the instance
     * @param timer the timer's name
     * @param runs how many times it has run now, this failed run included
     * @param failure what the run threw
     * @param now the clock's time, epoch milliseconds
     * @return when to run it again (epoch milliseconds), or {@link #DROP}
     */
    public long next(InstanceKey key, String timer, int runs, Throwable failure, long now) {
        if (failure instanceof ActionRejected) {
            LOG.warn("timer '{}' of {} refused to run: {}. A refusal is deliberate, so it is not retried",
                    timer, key, failure.getMessage());
            return DROP;
        }
        if (failure instanceof TransitionRefusedException) {
            LOG.info("timer '{}' of {} did not run: {}. Not retried", timer, key, failure.getMessage());
            return DROP;
        }
        if (runs >= retry.getMaxAttempts()) {
            LOG.error("timer '{}' of {} failed {} time{} and is dropped (tandem.timers.retry.max-attempts is {});"
                    + " each run was rolled back", timer, key, runs, runs == 1 ? "" : "s", retry.getMaxAttempts(),
                    failure);
            return DROP;
        }
        Duration wait = retry.delayAfter(runs);
        LOG.warn("timer '{}' of {} failed (run {} of at most {}) and was rolled back; it runs again in {}",
                timer, key, runs, retry.getMaxAttempts(), wait, failure);
        return now + wait.toMillis();
    }
}
