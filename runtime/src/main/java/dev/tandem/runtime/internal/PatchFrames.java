package dev.tandem.runtime.internal;

import java.util.Collection;
import java.util.Map;

/**
 * The patch frames of one committed turn: one shared frame for a type without views (encoded once
 * for every connection), or one frame per viewer when each viewer's own view changes go with it.
 *
 * @param shared the public patch, also kept for resume
 * @param byUser each viewer's frame by user ID, or {@code null} when everyone gets {@code shared}
 */
record PatchFrames(byte[] shared, Map<String, byte[]> byUser) {

    /**
     * @param userId a connection's user
     * @return its frame, or {@code null} for a user who had no views computed at that turn (a
     *     connection that joined later, whose snapshot already includes the turn)
     */
    byte[] to(String userId) {
        return byUser == null ? shared : byUser.get(userId);
    }

    /**
     * Sends each live connection its frame, starting at {@code start} (counted in the connections'
     * order) and wrapping round: the instance moves the start on every turn, so no connection is
     * always written first (a connection written to later in every turn gets every frame later, and
     * a client that calls in a closed loop then completes fewer calls: the benchmark's fan-out cell
     * measured the first senders 35 % ahead of the last).
     *
     * @param connections the instance's connections
     * @param skip a connection that gets its frame with its call's answer instead, or {@code null}
     * @param start where to start, any value (taken modulo the number of connections)
     * @return how many connections the turn reached, {@code skip} included
     */
    int sendTo(Collection<ClientConnection> connections, ClientConnection skip, long start) {
        int n = connections.size();
        if (n == 0) {
            return 0;
        }
        int first = (int) Math.floorMod(start, (long) n);
        int sent = 0;
        int i = 0;
        for (ClientConnection c : connections) { // from the start to the end
            if (i++ >= first) {
                sent += send(c, skip);
            }
        }
        i = 0;
        for (ClientConnection c : connections) { // then from the beginning to the start
            if (i++ >= first) {
                break;
            }
            sent += send(c, skip);
        }
        return sent;
    }

    private int send(ClientConnection c, ClientConnection skip) {
        byte[] frame = to(c.userId());
        if (c.live && frame != null) {
            if (c != skip) {
                c.sink().sendPatch(frame);
            }
            return 1; // the skipped caller gets the patch with its answer
        }
        return 0;
    }
}
