package dev.tandem;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a live-object instance knows about itself: its address, the clock, its timers and who is
 * connected to it. Declare
 * a constructor parameter of this type and the runtime passes the instance's context.
 *
 * <pre>{@code
 * @LiveObject
 * public class Auction {
 *     private final LiveContext context;
 *     @Field Instant closesAt;
 *
 *     public Auction(LiveContext context) { this.context = context; }
 *
 *     @OnCreate
 *     void open() {
 *         closesAt = context.now().plus(Duration.ofMinutes(10));
 *         context.schedule("close", Duration.ofMinutes(10));
 *     }
 *
 *     @OnTimer
 *     void close() { ... }
 * }
 * }</pre>
 *
 * <p>Call its methods only from within a turn (an action, hook or timer method).
 *
 * <p><b>Timer names.</b> {@link #schedule}, {@link #scheduleAt} and {@link #cancel} name an
 * {@link OnTimer} method of the class. When the name is a compile-time constant (a literal, or a
 * {@code static final String}) the compiler checks it: {@code context.schedule("clsoe", d)} fails the
 * build with TANDEM-403, listing the timers there are. A name computed at run time is checked when
 * the call runs ({@link IllegalArgumentException}, which fails the turn).
 *
 * <p><b>A timer whose method throws</b> is rolled back and runs again with exponential backoff, a
 * bounded number of times ({@code tandem.timers.retry.*}), then is dropped and logged; an
 * {@link ActionRejected} is not retried. Scheduling it again from a turn resets its count. See
 * {@link OnTimer}.
 */
public interface LiveContext {

    /** @return the live-object type name, as in {@link LiveObject#value()} */
    String typeName();

    /** @return the instance ID */
    String id();

    /**
     * The current time of the runtime's clock. Use it instead of {@code Instant.now()} so that
     * tests can control time.
     *
     * @return now
     */
    Instant now();

    /**
     * Schedules the {@link OnTimer} method named {@code timer} to run as a turn after
     * {@code delay}. Scheduling a timer that is already pending moves it. Timers are stored with
     * the instance when the turn commits, and are dropped if the turn fails.
     *
     * @param timer the name of an {@code @OnTimer} method of this class
     * @param delay how long from now; zero or positive
     * @throws IllegalArgumentException if the class has no {@code @OnTimer} method of that name
     */
    void schedule(String timer, Duration delay);

    /**
     * Schedules the {@link OnTimer} method named {@code timer} to run as a turn at an absolute time,
     * by the runtime's clock ({@link #now()}). A time already past fires at once (right after this
     * turn commits). Otherwise it behaves as {@link #schedule}: it moves a pending timer of that name,
     * is stored with the instance when the turn commits (so it survives restarts and passivation; one
     * that fell due while the server was down fires when the instance is next loaded), and is dropped
     * if the turn fails.
     *
     * <pre>{@code
     * @Action
     * void book(Instant start) {
     *     startsAt = start;
     *     context.scheduleAt("remind", start.minus(Duration.ofMinutes(15)));
     * }
     * }</pre>
     *
     * @param timer the name of an {@code @OnTimer} method of this class
     * @param at when it is due
     * @throws IllegalArgumentException if the class has no {@code @OnTimer} method of that name, or
     *     {@code at} is {@code null} or beyond what a timer can hold (epoch milliseconds in a {@code long})
     */
    void scheduleAt(String timer, Instant at);

    /**
     * Cancels a pending timer; does nothing if it is not pending.
     *
     * @param timer the name of an {@code @OnTimer} method of this class
     */
    void cancel(String timer);

    /**
     * When a timer is due, as this turn sees it: after its own {@code schedule}, {@code scheduleAt}
     * and {@code cancel} calls, and after the timed transitions ({@link After}) of a state it
     * entered, which are scheduled before that state's {@link OnEnter} hooks run. Use it to publish a
     * deadline that clients count down to:
     *
     * <pre>{@code
     * @OnEnter("AWAITING_APPROVAL")
     * void waiting() { expiresAt = context.dueAt("expire").orElse(null); }
     * }</pre>
     *
     * @param timer the name of an {@code @OnTimer} method of this class
     * @return when it is due, or empty when it is not pending (a timer's own method sees it gone)
     * @throws IllegalArgumentException if the class has no {@code @OnTimer} method of that name
     */
    Optional<Instant> dueAt(String timer);

    /**
     * Who is connected to this instance now, grouped by user: two tabs of one user are one user
     * with two connections.
     *
     * <pre>{@code
     * @Action
     * void start() {
     *     if (context.presence().userCount() < 2) throw new ActionRejected("Wait for a second player");
     * }
     * }</pre>
     *
     * <p>Not stored: after a restart or passivation it is empty until clients reconnect. See
     * {@link Presence}, and {@link OnJoin} / {@link OnLeave} to act when a user arrives or is gone.
     *
     * @return the instance's presence, read when called
     */
    Presence presence();
}
