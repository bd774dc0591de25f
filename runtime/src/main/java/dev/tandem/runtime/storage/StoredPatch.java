package dev.tandem.runtime.storage;

/**
 * One row of an instance's patch log: the operations that took its stored state from
 * {@code baseRevision} to {@code revision}. Usually {@code baseRevision = revision - 1}; a larger
 * step covers revisions that changed no stored field (only fields kept out of storage).
 *
 * @param revision the revision the patch leads to
 * @param baseRevision the revision it applies to
 * @param ops the JSON Patch operations over the stored fields, as JSON text, or {@code null} when
 *     the patch was too large to keep (a snapshot at {@code revision} or later was written with it,
 *     so replay never needs it; resuming across it takes a snapshot)
 */
public record StoredPatch(long revision, long baseRevision, String ops) {
}
