package dev.tandem.runtime.storage;

import java.util.List;
import java.util.Optional;

/** Reads and writes instance state. Implementations must make each write conditional on its expected revision. */
public interface StateStore {

    /**
     * @param type the live-object type
     * @param id the instance ID
     * @return the stored state, or empty if the instance was never stored
     */
    Optional<StoredState> load(String type, String id);

    /**
     * Applies writes, as few transactions as possible. Each write succeeds or fails on its own:
     * a stale one fails with {@link StaleWriteException} without affecting the others.
     *
     * @param writes the writes; at most one per instance
     * @return one outcome per write, in order: {@code null} for success, or the failure
     */
    List<RuntimeException> write(List<StateWrite> writes);

    /**
     * @param nowMillis the current time
     * @param limit at most this many
     * @return instances with a timer due at or before {@code nowMillis}, as {@code {type, id}} pairs
     */
    List<String[]> dueTimers(long nowMillis, int limit);
}
