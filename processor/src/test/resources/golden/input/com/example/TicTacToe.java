package com.example;

import dev.tandem.*;
import java.util.*;

/** A game of tic-tac-toe for two players. */
@LiveObject("tic-tac-toe")
public class TicTacToe {
    /** The nine cells, row by row. */
    @Field List<String> board = new ArrayList<>(Collections.nCopies(9, ""));
    @Field List<String> players = new ArrayList<>();
    @Field String turn;
    @Field String winner;

    @OnConnect
    void joined(Connection c) { if (players.size() < 2 && !players.contains(c.userId())) players.add(c.userId()); }

    @OnJoin
    void arrived() { }

    @OnLeave
    void gone(Connection c) { if (winner == null) players.remove(c.userId()); }

    /** Puts the caller's mark in a cell. */
    @Action
    void play(Caller caller, int cell) {
        if (!caller.userId().equals(turn)) throw new ActionRejected("Not your turn");
        board.set(cell, "X");
    }
}
