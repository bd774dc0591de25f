package dev.tandem.runtime.storage;

import java.util.List;

/**
 * What storage holds for one instance: a snapshot of its stored fields and the log of patches
 * after it (see {@link PatchLog}).
 *
 * @param revision the revision the instance is at: the snapshot with the log after it applied
 * @param state the stored fields at {@code snapshotRevision}, as a JSON object
 * @param timers the pending timers, as a JSON object of name to epoch milliseconds, or {@code null}
 * @param snapshotRevision the revision {@code state} is at
 * @param history the instance's history ID (the epoch its clients see), or {@code null} if none
 *     is stored (a row written before the log existed, or reset by an operator): a new history
 *     starts
 * @param log the stored patches in revision order: every one after {@code snapshotRevision}, and
 *     the recent ones before it that were asked for
 * @param schemaVersion the schema version ({@code @LiveObject(version)}) the state and log are in
 * @param ownerEpoch the owner epoch storage holds: after {@link StateStore#loadAsOwner}, the one the
 *     new activation took and must write with
 */
public record StoredState(long revision, String state, String timers, long snapshotRevision, String history,
        List<StoredPatch> log, int schemaVersion, long ownerEpoch) {

    /**
     * A state at schema version 1.
     *
     * @param revision the revision
     * @param state the stored fields at {@code snapshotRevision}
     * @param timers the pending timers, or {@code null}
     * @param snapshotRevision the revision {@code state} is at
     * @param history the history ID, or {@code null}
     * @param log the stored patches
     */
    public StoredState(long revision, String state, String timers, long snapshotRevision, String history,
            List<StoredPatch> log) {
        this(revision, state, timers, snapshotRevision, history, log, 1, 0);
    }

    /**
     * A state with no log: the snapshot is at the revision (as rows written before the log existed).
     *
     * @param revision the revision
     * @param state the stored fields
     * @param timers the pending timers, or {@code null}
     */
    public StoredState(long revision, String state, String timers) {
        this(revision, state, timers, revision, null, List.of());
    }
}
