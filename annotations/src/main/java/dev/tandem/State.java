package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes one enum {@link Field} of a live object its <b>state machine</b>: the field holds the
 * current state, and {@link Transition} on actions and timers says in which states each may run
 * and which states it may lead to.
 *
 * <pre>{@code
 * @LiveObject("order")
 * public class Order {
 *     public enum Status { PENDING, PAID, SHIPPED, DELIVERED, CANCELLED }
 *
 *     @Field @State(initial = "PENDING", terminal = {"DELIVERED", "CANCELLED"})
 *     Status status = Status.PENDING;
 *
 *     @Action @Transition(from = "PENDING", to = "PAID")
 *     void pay(String paymentId) { status = Status.PAID; }
 *
 *     @Action @Transition(from = {"PENDING", "PAID"}, to = "CANCELLED")
 *     void cancel(String reason) { status = Status.CANCELLED; }
 * }
 * }</pre>
 *
 * <p>At most one field per class carries {@code @State}, and it must be a {@code @Field} of an
 * enum type. Every state name is checked against the enum at compile time. Actions without
 * {@code @Transition} are <i>free</i>: allowed in every state. Before an action with a
 * {@code @Transition} runs, the runtime checks that the current state is one of its {@code from}
 * states; if not, the call is refused with the error code {@code invalid_transition}, naming the
 * current state and the actions allowed in it, and the body does not run. A body that leaves the
 * field in a state outside its {@code to} is a bug in the class: the turn rolls back. So is any
 * other code that changes the field (a free action, a hook, {@code @OnCreate}): only a
 * {@code @Transition} moves the machine, so what clients are told is allowed, and the diagram,
 * stay true.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface State {

    /**
     * The name of the initial state (an enum constant's name). The processor cannot read field
     * initializers, so it is declared here; the runtime checks at creation that the field holds
     * it.
     */
    String initial();

    /** Names of states with no way out on purpose (no warning is given for them). */
    String[] terminal() default {};
}
