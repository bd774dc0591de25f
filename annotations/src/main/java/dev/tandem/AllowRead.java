package dev.tandem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that decides who may see an instance of a {@link LiveObject}.
 *
 * <pre>{@code
 * @Field String owner;
 * @Field List<String> members = new ArrayList<>();
 *
 * @AllowRead
 * boolean allowRead(Caller caller) {
 *     return caller.userId().equals(owner) || members.contains(caller.userId());
 * }
 * }</pre>
 *
 * <p>It is asked when a client joins (before {@link OnConnect} runs), when a client resumes after a
 * reconnect, and on every HTTP read ({@code GET /tandem/objects/{type}/{id}}). When it returns
 * {@code false} the client gets an error with code {@code forbidden}: a WebSocket gets an error
 * frame and is closed with code 4403, an HTTP read answers 403. Nothing changes: no hook runs and
 * nothing is stored. If it throws {@link ActionRejected}, the refusal carries that exception's
 * message instead of the default one; any other exception refuses with an internal error.
 *
 * <p>It runs inside the instance's turn, so it may read fields safely; it must not change them (a
 * check is not a turn: changes would be neither stored nor sent). A connected client is checked
 * when it joins, not again after each turn. Reads the server makes itself
 * ({@code LiveObjects.read(type, id)}) are not checked.
 *
 * <p>The method takes one {@link Caller} and returns {@code boolean}; it must not be private or
 * static. At most one per class. Without it every client may read, unless the server runs with
 * {@code tandem.security.deny-by-default: true}, which refuses every client read of a class that
 * has neither {@code @AllowRead} nor a class-level {@code @Secured}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AllowRead {
}
