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
     * Sends each live connection its frame.
     *
     * @param connections the instance's connections
     * @param skip a connection that gets its frame with its call's answer instead, or {@code null}
     * @return how many connections the turn reached, {@code skip} included
     */
    int sendTo(Collection<ClientConnection> connections, ClientConnection skip) {
        int sent = 0;
        for (ClientConnection c : connections) {
            byte[] frame = to(c.userId());
            if (c.live && frame != null) {
                if (c != skip) {
                    c.sink().sendPatch(frame);
                }
                sent++; // the skipped caller gets the patch with its answer
            }
        }
        return sent;
    }
}
