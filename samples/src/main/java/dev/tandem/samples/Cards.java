package dev.tandem.samples;

import dev.tandem.Action;
import dev.tandem.ActionRejected;
import dev.tandem.AllowWrite;
import dev.tandem.Caller;
import dev.tandem.Connection;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import dev.tandem.OnConnect;
import dev.tandem.ServerOnly;
import dev.tandem.View;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A card table with private hands: up to four players are dealt five cards each from a shuffled
 * deck. The deck and the hands are {@code @ServerOnly}, so no client ever receives them; each
 * player sees their own hand through the {@code hand} view, and everyone sees how many cards each
 * holds, the discard pile and whose turn it is. On your turn, play a card or draw one.
 */
@LiveObject("cards")
public class Cards {

    private static final int HAND = 5;
    private static final int MAX_PLAYERS = 4;

    /** The cards left to draw, top last. Never sent. */
    @Field @ServerOnly List<String> deck = shuffled();
    /** Every player's cards. Never sent: each player sees their own through {@link #hand}. */
    @Field @ServerOnly Map<String, List<String>> hands = new HashMap<>();
    /** The players, in seat order (user IDs). */
    @Field List<String> players = new ArrayList<>();
    /** Display names by user. */
    @Field Map<String, String> names = new LinkedHashMap<>();
    /** How many cards each player holds: public, unlike the cards themselves. */
    @Field Map<String, Integer> handSizes = new LinkedHashMap<>();
    /** Played cards, the last on top. */
    @Field List<String> discard = new ArrayList<>();
    /** Cards left in the deck. */
    @Field int deckSize = deck.size();
    /** The user whose turn it is, or null before anyone sits down. */
    @Field String turn;

    /** Seats a new player (up to four) and deals them a hand; later visitors watch. */
    @OnConnect
    void joined(Connection c) {
        String user = c.userId();
        c.attribute("name").ifPresent(name -> names.put(user, name.length() > 24 ? name.substring(0, 24) : name));
        if (!players.contains(user) && players.size() < MAX_PLAYERS) {
            players.add(user);
            hands.put(user, new ArrayList<>());
            for (int i = 0; i < HAND; i++) {
                give(user);
            }
            if (turn == null) {
                turn = user;
            }
        }
    }

    /** The viewer's own cards: each player sees theirs, a watcher none. */
    @View
    List<String> hand(Caller viewer) {
        return hands.getOrDefault(viewer.userId(), List.of());
    }

    /** Plays one of the caller's cards onto the discard pile, on the caller's turn. */
    @Action
    void play(Caller caller, String card) {
        List<String> hand = myTurn(caller);
        if (!hand.remove(card)) {
            throw new ActionRejected("You don't hold " + card);
        }
        discard.add(card);
        handSizes.put(caller.userId(), hand.size());
        next();
    }

    /** Draws the top card of the deck, on the caller's turn. */
    @Action
    void draw(Caller caller) {
        myTurn(caller);
        if (deck.isEmpty()) {
            throw new ActionRejected("The deck is empty");
        }
        give(caller.userId());
        next();
    }

    /** Only seated players may deal a new round (watchers and strangers over HTTP may not). */
    @AllowWrite("newRound")
    boolean seated(Caller caller) {
        return players.contains(caller.userId());
    }

    /** Shuffles every card back and deals each player a new hand. */
    @Action
    void newRound() {
        deck = shuffled();
        deckSize = deck.size();
        discard.clear();
        for (String player : players) {
            hands.put(player, new ArrayList<>());
            for (int i = 0; i < HAND; i++) {
                give(player);
            }
        }
        turn = players.isEmpty() ? null : players.get(0);
    }

    private List<String> myTurn(Caller caller) {
        List<String> hand = hands.get(caller.userId());
        if (hand == null) {
            throw new ActionRejected("You are watching: the table is full");
        }
        if (!caller.userId().equals(turn)) {
            throw new ActionRejected("Not your turn");
        }
        return hand;
    }

    private void give(String user) {
        if (!deck.isEmpty()) {
            hands.get(user).add(deck.remove(deck.size() - 1));
        }
        handSizes.put(user, hands.get(user).size());
        deckSize = deck.size();
    }

    private void next() {
        turn = players.get((players.indexOf(turn) + 1) % players.size());
    }

    private static List<String> shuffled() {
        List<String> cards = new ArrayList<>();
        for (String suit : List.of("♠", "♥", "♦", "♣")) {
            for (String rank : List.of("A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K")) {
                cards.add(rank + suit);
            }
        }
        Collections.shuffle(cards);
        return cards;
    }
}
