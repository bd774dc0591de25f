package dev.tandem.runtime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The most recent patches of an instance, by revision, so a reconnecting client can catch up
 * without a snapshot. Revisions are consecutive; the buffer keeps the last {@code capacity}.
 */
final class ResumeBuffer {

    private final int capacity;
    private byte[][] frames; // allocated with the first patch: most instances in memory are idle
    private long newest;
    private int size;

    ResumeBuffer(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /**
     * @param revision the patch's revision; one more than the previous
     * @param frame the encoded patch
     */
    void add(long revision, byte[] frame) {
        if (frames == null) {
            frames = new byte[capacity][];
        }
        newest = revision;
        frames[(int) (revision % frames.length)] = frame;
        size = Math.min(size + 1, frames.length);
    }

    /**
     * @param have the revision the client has
     * @param upTo the current revision
     * @return the patches after {@code have} up to {@code upTo}, or {@code null} if some are gone
     */
    List<byte[]> since(long have, long upTo) {
        if (have == upTo) {
            return List.of();
        }
        if (have > upTo || size == 0 || newest != upTo || have + 1 < newest - size + 1) {
            return null;
        }
        List<byte[]> missed = new ArrayList<>((int) (upTo - have));
        for (long r = have + 1; r <= upTo; r++) {
            missed.add(frames[(int) (r % frames.length)]);
        }
        return missed;
    }
}
