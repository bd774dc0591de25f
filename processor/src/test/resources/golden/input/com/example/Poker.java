package com.example;

import dev.tandem.*;
import java.util.*;

/** A card table: each player sees only their own hand. */
@LiveObject("poker")
public class Poker {
    /** Every player's cards; never sent. */
    @Field @ServerOnly Map<String, List<String>> hands = new HashMap<>();
    @Field @ServerOnly Secret secret = new Secret("shuffle-seed", 7);
    /** Cards on the table. */
    @Field List<String> table = new ArrayList<>();

    /** A value type that only a server-only field uses. */
    public record Secret(String seed, int round) { }

    /** The viewer's own cards. */
    @View
    List<String> hand(Caller viewer) { return hands.getOrDefault(viewer.userId(), List.of()); }

    @View("seat")
    @Nullable Integer seatOf(Caller viewer) { return viewer.userId().isEmpty() ? null : 1; }

    @Action
    void deal(Caller caller, String card) { hands.computeIfAbsent(caller.userId(), k -> new ArrayList<>()).add(card); }
}
