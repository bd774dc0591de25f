package dev.tandem.runtime.storage;

/**
 * A conditional write found another revision in storage than it expected: someone else wrote the
 * instance (another node, or a stale copy). The write changed nothing.
 */
public class StaleWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param write the write that was refused */
    public StaleWriteException(StateWrite write) {
        this(write.type() + "/" + write.id() + ": expected revision " + write.expectedRevision()
                + " in storage, found another one (" + (write.isInsert() ? "the instance already exists"
                : "a newer or missing row") + "); the write was not applied and the instance will be reloaded");
    }

    /** @param message what was refused, and why */
    protected StaleWriteException(String message) {
        super(message);
    }
}
