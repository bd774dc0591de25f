package dev.tandem.runtime.storage;

/**
 * One conditional write.
 *
 * @param type the live-object type
 * @param id the instance ID
 * @param expectedRevision the revision storage must hold for the write to apply, or 0 to insert a
 *     new instance
 * @param revision the revision being written
 * @param state the stored fields as JSON
 * @param timers pending timers as JSON, or {@code null}
 * @param wakeAt when the earliest timer is due (epoch milliseconds), or {@code null}
 * @param calls the calls whose turns this write stores, written only if the write applies
 */
public record StateWrite(String type, String id, long expectedRevision, long revision, String state, String timers,
        Long wakeAt, java.util.List<StoredCall> calls) {

    /** @return whether this write creates the instance */
    public boolean isInsert() {
        return expectedRevision == 0;
    }
}
