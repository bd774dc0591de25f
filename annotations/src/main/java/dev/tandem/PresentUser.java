package dev.tandem;

import java.util.List;

/**
 * One user connected to an instance, with every connection (tab, device) they have open to it.
 * See {@link Presence}.
 *
 * <pre>{@code
 * for (PresentUser u : context.presence().users()) {
 *     names.add(u.first().attribute("name").orElse(u.userId()));
 * }
 * }</pre>
 */
public interface PresentUser {

    /** @return the user ID, as {@link Caller#userId()} */
    String userId();

    /** @return the user's open connections, oldest first; never empty; attributes via {@link Caller#attributes()} */
    List<Connection> connections();

    /** @return the user's oldest open connection */
    default Connection first() {
        return connections().get(0);
    }
}
