package dev.tandem.runtime.storage;

/**
 * A write refused because its activation no longer owns the instance: another activation (on
 * another server, sharing the database) took a newer owner epoch since this one loaded it. The
 * write changed nothing; the copy that made it must step down, and its clients load what the new
 * owner stores. See {@code V6__tandem_owner_epoch.sql}.
 */
public final class FencedWriteException extends StaleWriteException {

    private static final long serialVersionUID = 1L;

    /**
     * @param type the live-object type
     * @param id the instance ID
     * @param stored the owner epoch storage holds
     * @param held the owner epoch the refused write carried
     */
    public FencedWriteException(String type, String id, long stored, long held) {
        super("another server took over " + type + "/" + id + " (owner epoch " + stored
                + (stored > held ? " > " : " != ") + held
                + "): this copy's write was not applied and the copy steps down; its clients reload what the"
                + " new owner stored");
    }
}
