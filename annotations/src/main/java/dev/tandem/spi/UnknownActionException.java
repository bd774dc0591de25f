package dev.tandem.spi;

import java.util.List;

/** A client called an action that the live-object type does not have. */
public final class UnknownActionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param typeName the live-object type
     * @param action the name that was called
     * @param actions the type's action names
     */
    public UnknownActionException(String typeName, String action, List<String> actions) {
        super(typeName + " has no action '" + action + "'; "
                + (actions.isEmpty() ? "it has no actions" : "its actions are: " + String.join(", ", actions)),
                null, false, false);
    }
}
