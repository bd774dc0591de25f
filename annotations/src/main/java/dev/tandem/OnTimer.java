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
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnTimer {
}
