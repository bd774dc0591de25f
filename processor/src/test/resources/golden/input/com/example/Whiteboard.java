package com.example;

import dev.tandem.Action;
import dev.tandem.Caller;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import dev.tandem.OnDisconnect;
import dev.tandem.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A shared drawing surface: records, enums, nested types, a live-only field. */
@LiveObject
public class Whiteboard {

    /** A pen colour. */
    public enum Color { RED, GREEN, BLUE }

    /**
     * Where a user's pointer is.
     *
     * @param x horizontal position
     * @param y vertical position
     */
    public record Cursor(double x, double y, String name, Color color) {}

    /** One pen stroke. */
    public record Stroke(List<Cursor> points, Optional<Instant> at) {}

    /** Pointer positions by connection; never stored. */
    @Field(stored = false) Map<String, Cursor> cursors = new HashMap<>();
    @Field List<Stroke> strokes = new ArrayList<>();
    @Field EnumMap<Color, Integer> strokesPerColor = new EnumMap<>(Color.class);
    @Field int[] layerSizes = new int[0];
    @Field long version;

    /** Moves the caller's pointer. */
    @Action
    void move(Caller caller, double x, double y) {
        cursors.put(caller.connectionId(), new Cursor(x, y, caller.userId(), Color.RED));
    }

    @Action
    long draw(Stroke stroke, Color color) {
        strokes.add(stroke);
        strokesPerColor.merge(color, 1, Integer::sum);
        return ++version;
    }

    @Action
    Optional<Cursor> cursorOf(String connectionId) {
        return Optional.ofNullable(cursors.get(connectionId));
    }

    @OnDisconnect
    void left(Connection connection) {
        cursors.remove(connection.connectionId());
    }
}
