package dev.tandem.runtime.internal;

import dev.tandem.Connection;
import dev.tandem.Presence;
import dev.tandem.PresentUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Internal API (used by the test kit too). The {@link Presence} of one instance: its connections
 * grouped by user, users in the order they arrived, each user's connections oldest first. Only the
 * instance's turns touch it, so it needs no locking; what it hands out are copies. Never stored.
 */
public final class PresenceBook implements Presence {

    private final Map<String, List<Connection>> byUser = new LinkedHashMap<>();
    private int connections;

    /**
     * @param connection a connection that opened
     * @return whether it is its user's first connection, so the user just arrived
     * @throws IllegalStateException if a connection with that ID is already here
     */
    public boolean add(Connection connection) {
        List<Connection> mine = byUser.computeIfAbsent(connection.userId(), u -> new ArrayList<>());
        for (Connection c : mine) {
            if (c.connectionId().equals(connection.connectionId())) {
                throw new IllegalStateException("connection " + connection.connectionId() + " of "
                        + connection.userId() + " is already here; each connection needs its own ID");
            }
        }
        mine.add(connection);
        connections++;
        return mine.size() == 1;
    }

    /**
     * @param connection a connection that closed
     * @return whether it was its user's last connection, so the user is gone; {@code false} if it
     *     was not here
     */
    public boolean remove(Connection connection) {
        List<Connection> mine = byUser.get(connection.userId());
        if (mine == null || !mine.removeIf(c -> c.connectionId().equals(connection.connectionId()))) {
            return false;
        }
        connections--;
        if (mine.isEmpty()) {
            byUser.remove(connection.userId());
            return true;
        }
        return false;
    }

    /**
     * @param connectionId a connection ID
     * @return whether that connection is here
     */
    public boolean contains(String connectionId) {
        return byUser.values().stream().flatMap(List::stream).anyMatch(c -> c.connectionId().equals(connectionId));
    }

    /** Forgets everyone, as when the instance drops its connections without hooks. */
    public void clear() {
        byUser.clear();
        connections = 0;
    }

    @Override
    public List<PresentUser> users() {
        List<PresentUser> users = new ArrayList<>(byUser.size());
        byUser.forEach((id, mine) -> users.add(new Present(id, List.copyOf(mine))));
        return List.copyOf(users);
    }

    @Override
    public Optional<PresentUser> user(String userId) {
        List<Connection> mine = byUser.get(userId);
        return mine == null ? Optional.empty() : Optional.of(new Present(userId, List.copyOf(mine)));
    }

    @Override
    public boolean isHere(String userId) {
        return byUser.containsKey(userId);
    }

    @Override
    public int userCount() {
        return byUser.size();
    }

    @Override
    public int connectionCount() {
        return connections;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Presence[");
        byUser.forEach((id, mine) -> sb.append(sb.length() > 9 ? ", " : "").append(id).append(" x").append(mine.size()));
        return sb.append(']').toString();
    }

    /** One user and their connections, as handed out. */
    private record Present(String userId, List<Connection> connections) implements PresentUser {
    }
}
