package dev.tandem.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code @View}s of one instance, per distinct viewer (user ID) among its connections: two
 * tabs of one user share one computation. After each committed turn every viewer's views are
 * computed again and diffed against that viewer's last values; the result is one patch frame per
 * viewer ({@link PatchFrames}). Touched only by the instance's turns.
 */
final class Views {

    private static final Logger LOG = LoggerFactory.getLogger(Views.class);

    /** One viewer: the caller its views are computed for, and their last values. */
    private static final class Viewer {
        final Caller caller;
        final JsonNode[] values;
        int connections;
        /** The revision its values were first computed at: before it, the server does not know them. */
        final long knownSince;
        /** The last revision at which one of its views changed. */
        long changedAt;

        Viewer(Caller caller, JsonNode[] values, long knownSince) {
            this.caller = caller;
            this.values = values;
            this.knownSince = knownSince;
            this.changedAt = knownSince;
        }
    }

    private final InstanceKey key;
    private final TurnRunner<?> turns;
    private final List<String> names;
    private final String[] paths;
    private final Map<String, Viewer> viewers = new HashMap<>();

    Views(InstanceKey key, TurnRunner<?> turns) {
        this.key = key;
        this.turns = turns;
        this.names = turns.views();
        this.paths = new String[names.size()];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = "/" + JsonDiff.escape(names.get(i));
        }
    }

    /** @return whether the type has views; without, every connection gets the same frames */
    boolean any() {
        return !names.isEmpty();
    }

    /**
     * Counts a connection in, computing its user's views if it is the user's first.
     *
     * @param connection a connection that joined
     * @param revision the current revision
     */
    void attach(ClientConnection connection, long revision) {
        if (any()) {
            viewers.computeIfAbsent(connection.userId(),
                    u -> new Viewer(connection, compute(connection, new JsonNode[names.size()]), revision)).connections++;
        }
    }

    /** @param connection a connection that left; its user's views are forgotten with its last one */
    void detach(ClientConnection connection) {
        Viewer viewer = viewers.get(connection.userId());
        if (viewer != null && --viewer.connections <= 0) {
            viewers.remove(connection.userId());
        }
    }

    /** Forgets every viewer (all connections closed). */
    void clear() {
        viewers.clear();
    }

    /**
     * @param userId a resuming client's user
     * @param have the revision it has
     * @return whether that user's views are known not to have changed since {@code have}, so the
     *     shared patches bring the client up to date
     */
    boolean unchangedSince(String userId, long have) {
        if (!any()) {
            return true;
        }
        Viewer viewer = viewers.get(userId);
        return viewer != null && viewer.knownSince <= have && viewer.changedAt <= have;
    }

    /**
     * @param connection a joined connection
     * @param shared the public state; not modified
     * @return the state this connection's user sees: the public state and its views
     */
    ObjectNode stateFor(ClientConnection connection, ObjectNode shared) {
        Viewer viewer = viewers.get(connection.userId());
        return viewer == null ? shared : withValues(shared, viewer.values);
    }

    /**
     * @param reader who reads (an HTTP read), or {@code null} for the server itself
     * @param shared the public state; not modified
     * @return the public state and the reader's views, computed now
     */
    ObjectNode stateForReader(Caller reader, ObjectNode shared) {
        return !any() || reader == null ? shared : withValues(shared, compute(reader, new JsonNode[names.size()]));
    }

    /**
     * Computes every viewer's views after a committed turn.
     *
     * @param revision the turn's revision
     * @param shared the turn's public patch frame
     * @return each viewer's frame: the shared one, or one with its own view changes appended
     */
    PatchFrames afterTurn(long revision, byte[] shared) {
        if (!any()) {
            return new PatchFrames(shared, null);
        }
        Map<String, byte[]> frames = new HashMap<>(viewers.size() * 2);
        for (Map.Entry<String, Viewer> e : viewers.entrySet()) {
            Viewer viewer = e.getValue();
            ArrayNode own = null;
            JsonNode[] now = compute(viewer.caller, viewer.values.clone());
            for (int i = 0; i < now.length; i++) {
                if (!now[i].equals(viewer.values[i])) {
                    own = own == null ? Frames.JSON.createArrayNode() : own;
                    JsonDiff.diff(paths[i], viewer.values[i], now[i], own);
                    viewer.values[i] = now[i];
                }
            }
            if (own != null) {
                viewer.changedAt = revision;
            }
            frames.put(e.getKey(), own == null ? shared : Frames.withOwnOps(shared, own));
        }
        return new PatchFrames(shared, frames);
    }

    /** @param previous the last values, kept for a view that fails (null when it never had one) */
    private JsonNode[] compute(Caller viewer, JsonNode[] previous) {
        for (int i = 0; i < previous.length; i++) {
            try {
                previous[i] = turns.view(i, viewer);
            } catch (RuntimeException e) {
                LOG.warn("@View '{}' of {} failed for a viewer; it keeps its previous value", names.get(i), key, e);
                if (previous[i] == null) {
                    previous[i] = Frames.JSON.nullNode();
                }
            }
        }
        return previous;
    }

    private ObjectNode withValues(ObjectNode shared, JsonNode[] values) {
        ObjectNode state = Frames.JSON.createObjectNode();
        state.setAll(shared); // shallow: the shared values are never modified
        for (int i = 0; i < values.length; i++) {
            state.set(names.get(i), values[i]);
        }
        return state;
    }
}
