package dev.tandem.runtime.internal;

/**
 * A collection installed in a field while its instance is active that records what each turn does
 * to it ({@link TrackedList}, {@link TrackedMap}). Used on the instance's turn thread only.
 */
interface TrackedCollection {

    /** @return whether this turn changed anything (possibly back to what it was) */
    boolean touched();

    /** @return whether a bulk change made this turn keep a copy of the whole collection as it was */
    boolean bulk();

    /** Starts a new turn: what was done so far is committed. */
    void forget();

    /** Puts the collection back as the turn found it. */
    void rollback();

    /**
     * Stops recording: the field that held this collection was given another value (another field
     * may still hold this one, and is then compared as a whole).
     */
    void detach();
}
