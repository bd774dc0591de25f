package dev.tandem.runtime.storage;

/**
 * What storage holds for one instance.
 *
 * @param revision the revision the state is at
 * @param state the stored fields, as a JSON object
 * @param timers the pending timers, as a JSON object of name to epoch milliseconds, or {@code null}
 */
public record StoredState(long revision, String state, String timers) {
}
