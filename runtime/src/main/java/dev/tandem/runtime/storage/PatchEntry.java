package dev.tandem.runtime.storage;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A committed turn's patch of the stored state, on its way to the log.
 *
 * @param revision the revision it leads to
 * @param baseRevision the revision it applies to (the previous entry's revision)
 * @param ops the operations over the stored fields; empty when the step changed only fields kept
 *     out of storage. Not modified once queued.
 * @param text the operations as stored JSON text, written on the instance's turn thread, where its
 *     length decides whether the write carries a snapshot
 */
public record PatchEntry(long revision, long baseRevision, ArrayNode ops, String text) {

    /**
     * @param revision the revision it leads to
     * @param baseRevision the revision it applies to
     * @param ops the operations
     */
    public PatchEntry(long revision, long baseRevision, ArrayNode ops) {
        this(revision, baseRevision, ops, StoredJson.text(ops));
    }
}
