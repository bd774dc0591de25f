package dev.tandem;

/**
 * Rejects an action with a message meant for the end user.
 *
 * <pre>{@code
 * @Action
 * void play(Caller caller, int cell) {
 *     if (!board.get(cell).isEmpty()) throw new ActionRejected("That cell is taken");
 *     ...
 * }
 * }</pre>
 *
 * <p>Throwing it ends the turn: every {@link Field} is restored to its last committed value,
 * nothing is broadcast, and the caller's promise rejects with code {@code "rejected"} and this
 * message. Any other exception reaches the client only as a generic internal error.
 */
public class ActionRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what the user should read, for example {@code "Not your turn"}
     */
    public ActionRejected(String message) {
        super(message, null, false, false);
    }
}
