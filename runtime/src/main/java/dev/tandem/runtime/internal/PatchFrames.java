package dev.tandem.runtime.internal;

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
}
