package dev.tandem.runtime.storage;

import java.util.List;

/**
 * One conditional write.
 *
 * @param type the live-object type
 * @param id the instance ID
 * @param expectedRevision the revision storage must hold for the write to apply, or 0 to insert a
 *     new instance
 * @param revision the revision being written
 * @param snapshot the stored fields at {@code revision} as JSON, to replace the snapshot; or
 *     {@code null} to keep the snapshot and only append {@code patches} (never {@code null} for an
 *     insert)
 * @param patches the log rows this write appends, consecutive, ending at {@code revision} when it
 *     is above {@code expectedRevision}; empty for an insert or a write of timers only
 * @param history the instance's history ID, stored with every write
 * @param ownerEpoch the owner epoch of the activation that makes the write: storage must hold it
 *     for the write to apply (an insert stores it)
 * @param compactUpTo log rows at or below this revision are deleted with the write (only with a
 *     snapshot at or above it); 0 for none
 * @param timers pending timers as JSON, or {@code null}
 * @param wakeAt when the earliest timer is due (epoch milliseconds), or {@code null}
 * @param calls the calls whose turns this write stores, written only if the write applies
 */
public record StateWrite(String type, String id, long expectedRevision, long revision, String snapshot,
        List<StoredPatch> patches, String history, long ownerEpoch, long compactUpTo, String timers, Long wakeAt,
        List<StoredCall> calls) {

    /** The owner epoch of an instance's first activation, the one that inserts it. */
    public static final long FIRST_OWNER_EPOCH = 1;

    /** @return whether this write creates the instance */
    public boolean isInsert() {
        return expectedRevision == 0;
    }
}
