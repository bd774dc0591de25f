package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link LiveObject} as a per-viewer property of its state: each client sees
 * the value the method returns for it, under the method's name (or {@link #value()}), beside the
 * fields. Clients get it in their snapshot and its changes in their patches; no client ever sees
 * another viewer's value.
 *
 * <pre>{@code
 * @Field @ServerOnly Map<String, List<String>> hands = new HashMap<>();
 *
 * @View
 * List<String> hand(Caller viewer) {
 *     return hands.getOrDefault(viewer.userId(), List.of());
 * }
 * }</pre>
 * <pre>{@code
 * game.state.hand;   // string[]: this client's own hand
 * }</pre>
 *
 * <p>The method takes exactly one parameter, the viewer ({@link Caller}), and returns a type a
 * {@link Field} may hold (non-null unless annotated {@code @Nullable}). It must not be private or
 * static, and its name must not be a field's.
 *
 * <p><b>When it runs.</b> After every committed turn, once per distinct viewer (user ID) among the
 * instance's connections: two tabs of one user share one computation, so a view should depend on
 * the viewer's {@link Caller#userId()}, roles and claims, not on its connection or attributes.
 * It runs again when a new viewer joins and on HTTP reads. A turn that fails recomputes nothing.
 *
 * <p><b>Read only.</b> A view must not change fields, schedule timers or call out: it is a pure
 * function of the state and the viewer. Changes it makes are neither stored nor sent reliably.
 *
 * <p><b>Failures.</b> A view that throws (or returns {@code null} when non-null) keeps its
 * previous value for that viewer (or {@code null} if it never had one); the error is logged and the
 * turn, and every other viewer, carry on.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface View {

    /**
     * The property's name in the client's state.
     *
     * @return the name; empty (the default) for the method's name
     */
    String value() default "";
}
