package dev.tandem.runtime;

/**
 * What a stored turn survives before its result and patches leave the server
 * ({@code tandem.storage.durability}). Either way nothing is shown before the database has the
 * write; the modes differ in how far the database has taken it.
 */
public enum Durability {
    /**
     * The default: the commit is on stable storage (one fsync, or the database's equivalent, per
     * group of turns). Survives a crash of the process, of the operating system and a power loss.
     * H2: {@code CHECKPOINT SYNC} after each group commit. PostgreSQL: Tandem's transactions run
     * with {@code synchronous_commit = on}.
     */
    DISK,
    /**
     * Faster: the commit is handed to the operating system (H2) or committed asynchronously
     * (PostgreSQL, {@code synchronous_commit = off}). Survives a crash or kill of the Tandem
     * process; a crash of the operating system, a power loss (H2) or a crash of the PostgreSQL
     * server can lose the last moments of turns whose results clients had already seen.
     */
    RELAXED
}
