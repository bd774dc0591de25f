package dev.tandem;

import java.util.List;
import java.util.Optional;

/**
 * Who is connected to this instance now, grouped by user. Read it from any turn (an action, hook,
 * view or timer) through {@link LiveContext#presence()}.
 *
 * <pre>{@code
 * @Action
 * void start(Caller caller) {
 *     if (context.presence().userCount() < 2) throw new ActionRejected("Wait for a second player");
 *     ...
 * }
 * }</pre>
 *
 * <p>Two tabs of one user are one {@link PresentUser} with two {@link Connection}s. A connection
 * counts from the moment it opens: inside {@link OnConnect} and {@link OnJoin} it is already here,
 * and inside {@link OnDisconnect} and {@link OnLeave} it is already gone. A connection that
 * {@code @OnConnect} refused never counts.
 *
 * <p>Presence is not stored. After a restart, a failover or passivation it starts empty and fills
 * again as clients reconnect (and {@link OnJoin} runs again for each user). To show who is here,
 * publish it in a field that is not stored either, kept up to date by the hooks:
 *
 * <pre>{@code
 * @Field(stored = false) Map<String, String> online = new TreeMap<>(); // userId -> name
 *
 * @OnJoin void joined(Connection c) { online.put(c.userId(), c.attribute("name").orElse("guest")); }
 * @OnLeave void left(Connection c) { online.remove(c.userId()); }
 * }</pre>
 *
 * <p>The lists it returns are copies, taken when called.
 */
public interface Presence {

    /** @return the users connected now, in the order of each one's first connection */
    List<PresentUser> users();

    /**
     * @param userId a user ID
     * @return that user, if connected now
     */
    Optional<PresentUser> user(String userId);

    /**
     * @param userId a user ID
     * @return whether that user has at least one connection now
     */
    default boolean isHere(String userId) {
        return user(userId).isPresent();
    }

    /** @return how many different users are connected now */
    int userCount();

    /** @return how many connections are open now, every tab of every user */
    int connectionCount();
}
