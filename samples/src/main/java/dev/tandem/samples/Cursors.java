package dev.tandem.samples;

import dev.tandem.Action;
import dev.tandem.Caller;
import dev.tandem.Connection;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import dev.tandem.OnDisconnect;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Shared cursors: every window sees the others' pointers live. Positions are never stored. */
@LiveObject("cursors")
public class Cursors {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    /**
     * A pointer.
     *
     * @param x horizontal position, 0 (left) to 1 (right) of the shared area
     * @param y vertical position, 0 (top) to 1 (bottom)
     * @param name who it is
     * @param color its colour, like #3366ff
     */
    public record Pointer(double x, double y, String name, String color) {}

    /** Pointers by connection ID: not stored, so they vanish with a restart. */
    @Field(stored = false) Map<String, Pointer> pointers = new LinkedHashMap<>();

    /** Moves the caller's pointer; name and colour come from the connection's attributes. */
    @Action
    void move(Caller caller, double x, double y) {
        String name = caller.attribute("name").orElse("guest");
        String color = caller.attribute("color").filter(c -> COLOR.matcher(c).matches()).orElse("#888888");
        pointers.put(caller.connectionId(), new Pointer(clamp(x), clamp(y), name.length() > 24 ? name.substring(0, 24) : name,
                color));
    }

    /** A window that closes or drops takes its pointer with it. */
    @OnDisconnect
    void left(Connection connection) {
        pointers.remove(connection.connectionId());
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
