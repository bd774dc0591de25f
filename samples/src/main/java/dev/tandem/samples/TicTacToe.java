package dev.tandem.samples;

import dev.tandem.Action;
import dev.tandem.ActionRejected;
import dev.tandem.AllowWrite;
import dev.tandem.Caller;
import dev.tandem.Connection;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import dev.tandem.OnConnect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tic-tac-toe: the first two users to join play X and O, everyone else watches. Whose turn it is
 * comes from the caller's identity, never from an argument, so nobody can move for someone else;
 * {@code @AllowWrite} keeps watchers' calls from running at all.
 */
@LiveObject("tic-tac-toe")
public class TicTacToe {

    private static final int[][] LINES = {
        {0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8}, {0, 4, 8}, {2, 4, 6}};

    /** The nine cells, row by row: "", "X" or "O". */
    @Field List<String> board = new ArrayList<>(Collections.nCopies(9, ""));
    /** The user playing X, once someone joined. */
    @Field String playerX;
    /** The user playing O, once a second user joined. */
    @Field String playerO;
    /** Display names by user. */
    @Field Map<String, String> names = new LinkedHashMap<>();
    /** Whose turn: "X" or "O". */
    @Field String turn = "X";
    /** "X", "O", "draw", or null while playing. */
    @Field String winner;
    /** The three winning cells, or empty. */
    @Field List<Integer> winningLine = new ArrayList<>();
    /** Games finished in this room. */
    @Field int games;

    /** Seats the first two users; a player who comes back keeps their seat. */
    @OnConnect
    void joined(Connection c) {
        String user = c.userId();
        c.attribute("name").ifPresent(name -> names.put(user, name.length() > 24 ? name.substring(0, 24) : name));
        if (playerX == null) {
            playerX = user;
        } else if (playerO == null && !user.equals(playerX)) {
            playerO = user;
        }
    }

    /**
     * Only the two seated players may play or start a rematch: watchers are refused before the
     * action runs (code {@code forbidden}), with a message for the page to show.
     */
    @AllowWrite
    boolean seated(Caller caller, String action) {
        if (markOf(caller.userId()) == null) {
            throw new ActionRejected("You are watching: only the two players can "
                    + (action.equals("play") ? "move" : "start a rematch"));
        }
        return true;
    }

    /** Puts the caller's mark in a cell (0 to 8, row by row). */
    @Action
    void play(Caller caller, int cell) {
        String mark = markOf(caller.userId());
        if (winner != null) {
            throw new ActionRejected("The game is over: start a rematch");
        }
        if (playerO == null) {
            throw new ActionRejected("Wait for a second player to join");
        }
        if (!mark.equals(turn)) {
            throw new ActionRejected("Not your turn");
        }
        if (cell < 0 || cell > 8) {
            throw new ActionRejected("Pick a cell from 0 to 8");
        }
        if (!board.get(cell).isEmpty()) {
            throw new ActionRejected("That cell is taken");
        }
        board.set(cell, mark);
        for (int[] line : LINES) {
            if (mark.equals(board.get(line[0])) && mark.equals(board.get(line[1])) && mark.equals(board.get(line[2]))) {
                winner = mark;
                winningLine = new ArrayList<>(List.of(line[0], line[1], line[2]));
            }
        }
        if (winner == null && !board.contains("")) {
            winner = "draw";
        }
        if (winner != null) {
            games++;
        }
        turn = mark.equals("X") ? "O" : "X";
    }

    /** Clears the board for a new game; the players swap marks so the other one starts. */
    @Action
    void rematch() {
        if (winner == null) {
            throw new ActionRejected("Finish this game first");
        }
        String x = playerX;
        playerX = playerO;
        playerO = x;
        board = new ArrayList<>(Collections.nCopies(9, ""));
        turn = "X";
        winner = null;
        winningLine = new ArrayList<>();
    }

    private String markOf(String user) {
        return user.equals(playerX) ? "X" : user.equals(playerO) ? "O" : null;
    }
}
