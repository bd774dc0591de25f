package dev.tandem.runtime.internal;

/**
 * Runs an instance's timer task when it is due. The runtime uses its own timer thread and the
 * {@link java.time.Clock} bean; an application (in practice a test) that defines a bean of this
 * type takes over, for instance to run due timers when it moves a manual clock, without sleeping.
 */
public interface TimerScheduler {

    /**
     * @param task posts the timer to its instance; cheap, and safe on any thread
     * @param dueAtMillis when it is due, in the clock's epoch milliseconds
     * @return cancels the task if it has not run
     */
    Runnable schedule(Runnable task, long dueAtMillis);
}
