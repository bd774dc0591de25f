package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a {@link Field} on the server: it is stored, restored and rolled back like any field, but
 * never sent to a client. No snapshot, patch, HTTP read, call result's patch, model document or
 * generated client type carries it.
 *
 * <pre>{@code
 * @LiveObject("cards")
 * public class Cards {
 *     @Field @ServerOnly Map<String, List<String>> hands = new HashMap<>(); // secret
 *     @Field List<String> discard = new ArrayList<>();                      // everyone sees it
 *
 *     @View
 *     List<String> hand(Caller viewer) {                                    // each player sees their own
 *         return hands.getOrDefault(viewer.userId(), List.of());
 *     }
 * }
 * }</pre>
 *
 * <p>Use a {@link View} to show each client its own part of server-only state. A turn that changes
 * only server-only fields is still a committed, stored turn with its own revision: clients receive
 * a patch for it whose operations are empty (or carry only their own views' changes), so
 * revisions stay consecutive.
 *
 * <p><b>What still leaves the server.</b> An action's return value goes to its caller as it is:
 * returning a server-only value (or something computed from it) is the author's explicit choice.
 * Error messages of {@link ActionRejected} go to the caller too.
 *
 * <p>A server-only field must be stored ({@code @Field(stored = false) @ServerOnly} is refused at
 * compile time): a value that is neither stored nor sent would exist only in one activation's
 * memory, which a plain Java field already does.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ServerOnly {
}
