package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that runs as a turn when a timer of the same name, scheduled with
 * {@link LiveContext#schedule(String, java.time.Duration)}, fires.
 *
 * <pre>{@code
 * @LiveObject
 * public class Quiz {
 *     private final LiveContext context;
 *     @Field int question;
 *
 *     public Quiz(LiveContext context) { this.context = context; }
 *
 *     @Action
 *     void start() { context.schedule("nextQuestion", Duration.ofSeconds(20)); }
 *
 *     @OnTimer
 *     void nextQuestion() { question++; }
 * }
 * }</pre>
 *
 * <p>The timer's name is the method's name. Pending timers are stored with the instance, so they
 * survive a restart; a timer that became due while the server was down fires when the instance is
 * next loaded. The method takes no parameters, returns {@code void}, and must not be private or
 * static.
 *
 * <p><b>When the method throws.</b> Its turn is rolled back, as any turn that throws, and then:
 * <ul>
 *   <li>an exception: the timer runs again after a backoff, 1s, then 2s, 4s, … up to 1m, until it
 *       has run 5 times in all (the first run included); then it is dropped and logged once at ERROR
 *       with the type, ID, timer and exception. The count is stored with the timer, so a restart in
 *       the middle of the backoff keeps it, and scheduling the timer again from a turn starts a fresh
 *       count. Configure it with {@code tandem.timers.retry.initial-delay}, {@code multiplier},
 *       {@code max-delay} and {@code max-attempts} (1 means no retry). Make the method safe to
 *       run again: the runs before the one that succeeds changed nothing, but what they did outside
 *       the object (a call to a payment provider) happened.</li>
 *   <li>{@link ActionRejected}: a deliberate refusal. Not retried; logged at WARN.</li>
 *   <li>a timed transition ({@link Transition}) whose {@code from} does not hold the current state:
 *       it does not run and is not retried (logged at INFO).</li>
 * </ul>
 *
 * <p>The test kit follows the same policy: {@code TestInstance.timerFailures()} lists what the
 * runs threw.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnTimer {
}
