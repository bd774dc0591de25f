package dev.tandem.spi;

/**
 * The arguments of an action call do not fit its parameters: wrong count, unknown or missing
 * names, or a value of the wrong type. The message names the action, the parameter, what was
 * expected and what came, for example
 * {@code play(cell: int): argument 'cell' expected an int, got "four" (a string)}.
 */
public final class BadArgumentsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;
    private final String parameter;

    /**
     * @param action the action's descriptor
     * @param parameter the parameter at fault, or {@code null} when the problem is the argument list
     * @param problem what is wrong
     */
    public BadArgumentsException(ActionDescriptor action, String parameter, String problem) {
        super(action.signature() + ": " + problem, null, false, false);
        this.action = action.name();
        this.parameter = parameter;
    }

    /** @return the action's name */
    public String action() {
        return action;
    }

    /** @return the parameter at fault, or {@code null} when the problem is the argument list */
    public String parameter() {
        return parameter;
    }
}
