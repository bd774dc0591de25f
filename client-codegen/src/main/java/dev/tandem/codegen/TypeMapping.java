package dev.tandem.codegen;

import java.util.Map;

/**
 * The one table from the model's scalar types to TypeScript, with what each value looks like
 * when TypeScript alone can't say it (docs/MODEL.md has the JSON side).
 */
final class TypeMapping {

    /**
     * @param type the TypeScript type
     * @param note what the value looks like, for TSDoc; empty when the type says it all
     */
    record Scalar(String type, String note) {
    }

    private static final Map<String, Scalar> SCALARS = Map.ofEntries(
            Map.entry("boolean", new Scalar("boolean", "")),
            Map.entry("byte", new Scalar("number", "an integer from -128 to 127")),
            Map.entry("short", new Scalar("number", "an integer from -32768 to 32767")),
            Map.entry("int", new Scalar("number", "a 32-bit integer")),
            Map.entry("long", new Scalar("number", "a 64-bit integer; beyond 2^53 JavaScript loses precision")),
            Map.entry("float", new Scalar("number", "")),
            Map.entry("double", new Scalar("number", "")),
            Map.entry("char", new Scalar("string", "one character")),
            Map.entry("string", new Scalar("string", "")),
            Map.entry("uuid", new Scalar("string", "a UUID")),
            Map.entry("big-decimal", new Scalar("string", "a decimal number, as a string to keep every digit")),
            Map.entry("big-integer", new Scalar("string", "an integer, as a string to keep every digit")),
            Map.entry("instant", new Scalar("string", "an ISO-8601 instant, like 2024-01-31T12:00:00Z (new Date(value) reads it)")),
            Map.entry("local-date", new Scalar("string", "an ISO-8601 date, like 2024-01-31")),
            Map.entry("local-time", new Scalar("string", "an ISO-8601 time, like 12:30:00")),
            Map.entry("local-date-time", new Scalar("string", "an ISO-8601 date and time without zone, like 2024-01-31T12:30:00")),
            Map.entry("offset-date-time", new Scalar("string", "an ISO-8601 date and time with offset, like 2024-01-31T12:30:00+01:00")),
            Map.entry("zoned-date-time", new Scalar("string", "an ISO-8601 date and time with zone, like 2024-01-31T12:30:00+01:00[Europe/Paris]")),
            Map.entry("duration", new Scalar("string", "an ISO-8601 duration, like PT1M30S")),
            Map.entry("period", new Scalar("string", "an ISO-8601 period, like P1Y2M3D")));

    private TypeMapping() {
    }

    /**
     * @param name a scalar's name in the model
     * @return its mapping
     * @throws IllegalArgumentException for a name the model format does not have
     */
    static Scalar scalar(String name) {
        Scalar s = SCALARS.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown scalar type '" + name + "' in a model document; known: "
                    + new java.util.TreeSet<>(SCALARS.keySet()));
        }
        return s;
    }
}
