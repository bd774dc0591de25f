package dev.tandem.runtime.storage;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A committed turn's patch of the stored state, on its way to the log.
 *
 * @param revision the revision it leads to
 * @param baseRevision the revision it applies to (the previous entry's revision)
 * @param ops the operations over the stored fields; empty when the step changed only fields kept
 *     out of storage. Not modified once queued.
 */
public record PatchEntry(long revision, long baseRevision, ArrayNode ops) {
}
