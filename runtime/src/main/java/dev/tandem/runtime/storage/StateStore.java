package dev.tandem.runtime.storage;

import java.util.List;
import java.util.Optional;

/**
 * Reads and writes instance state. Implementations must make each write conditional on its expected
 * revision and on its activation's owner epoch ({@link #loadAsOwner}): the database is the fencing
 * authority between servers that share it.
 */
public interface StateStore {

    /**
     * @param type the live-object type
     * @param id the instance ID
     * @return the stored state (its snapshot and the log after it), or empty if the instance was
     *     never stored
     */
    default Optional<StoredState> load(String type, String id) {
        return load(type, id, 0);
    }

    /**
     * @param type the live-object type
     * @param id the instance ID
     * @param recent also the log rows of this many revisions before the current one, where still
     *     stored (for clients that resume after a restart)
     * @return the stored state, or empty if the instance was never stored
     */
    Optional<StoredState> load(String type, String id, int recent);

    /**
     * Loads an instance for a new activation, which becomes its owner: in one transaction, takes the
     * next owner epoch (the stored one plus one) and reads the state. Writes of any earlier
     * activation, here or on another server, are refused from then on ({@link FencedWriteException}),
     * so the state read is the last any of them can store. An instance never stored takes no epoch:
     * its activation inserts it at {@link StateWrite#FIRST_OWNER_EPOCH}, and a second insert fails.
     *
     * @param type the live-object type
     * @param id the instance ID
     * @param recent as for {@link #load(String, String, int)}
     * @return the stored state with the epoch taken, or empty if the instance was never stored
     */
    Optional<StoredState> loadAsOwner(String type, String id, int recent);

    /**
     * @param type the live-object type
     * @param id the instance ID
     * @param since only calls stored at or after this time (epoch milliseconds)
     * @return the instance's stored calls, each client's latest per slot
     */
    List<StoredCall> loadCalls(String type, String id, long since);

    /**
     * Deletes stored calls older than a time: their clients have had long enough to resend them.
     *
     * @param before epoch milliseconds
     */
    void forgetCalls(long before);

    /**
     * Applies writes, as few transactions as possible. A write appends its patches to the log and,
     * when it carries one, replaces the snapshot (and deletes log rows it no longer needs), all
     * conditional on the expected revision and the write's owner epoch. Each write succeeds or fails on its own:
     * a stale one fails with {@link StaleWriteException}, one whose epoch storage no longer holds with
     * {@link FencedWriteException}, without affecting the others. A write's
     * calls are stored in the same transaction as its state, and only if the state was written.
     * The writes are durable when this returns, as {@code tandem.storage.durability} asks.
     *
     * @param writes the writes; at most one per instance
     * @return one outcome per write, in order: {@code null} for success, or the failure
     */
    List<RuntimeException> write(List<StateWrite> writes);

    /**
     * Stores an instance migrated from an older schema version, in one transaction conditional on
     * its revision and owner epoch: the migrated state as a new snapshot at {@code expectedRevision + 1} and
     * {@code schemaVersion}, a new history, and the log rows of the old shape deleted. Timers and
     * stored calls are kept.
     *
     * @param type the live-object type
     * @param id the instance ID
     * @param expectedRevision the revision the instance was loaded at
     * @param state the migrated stored fields, as JSON
     * @param schemaVersion the version they are in
     * @param history the new history ID
     * @param ownerEpoch the owner epoch its activation took
     * @throws FencedWriteException if another activation took the instance over meanwhile
     * @throws IllegalStateException if the instance changed meanwhile
     */
    default void storeMigrated(String type, String id, long expectedRevision, String state, int schemaVersion,
            String history, long ownerEpoch) {
        throw new UnsupportedOperationException("this store does not migrate schema versions");
    }

    /**
     * @param nowMillis the current time
     * @param limit at most this many
     * @return instances with a timer due at or before {@code nowMillis}, as {@code {type, id}} pairs
     */
    List<String[]> dueTimers(long nowMillis, int limit);
}
