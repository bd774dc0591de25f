package dev.tandem.spi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON value does not fit the Java type it should become. The message names where (a path such
 * as {@code cursors.alice.x} or {@code board[3]}), what was expected and what came.
 */
public final class JsonDecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;
    private final String path;

    /**
     * @param expected what the type allows, for example {@code "an int"}
     * @param actual the value that came, see {@link Json#describe(JsonNode)}
     */
    public JsonDecodeException(String expected, JsonNode actual) {
        this(expected, Json.describe(actual), "");
    }

    /**
     * @param expected what the type allows
     * @param actual what came, in words, when {@link Json#describe(JsonNode)} would mislead
     */
    public JsonDecodeException(String expected, String actual) {
        this(expected, actual, "");
    }

    private JsonDecodeException(String expected, String actual, String path) {
        super(null, null, false, false);
        this.expected = expected;
        this.actual = actual;
        this.path = path;
    }

    /**
     * @param property the object key the failing value sits under
     * @return the same failure, one level further out
     */
    public JsonDecodeException at(String property) {
        return new JsonDecodeException(expected, actual, path.isEmpty() || path.startsWith("[") ? property + path : property + "." + path);
    }

    /**
     * @param index the array index the failing value sits at
     * @return the same failure, one level further out
     */
    public JsonDecodeException at(int index) {
        return new JsonDecodeException(expected, actual, "[" + index + "]" + (path.isEmpty() || path.startsWith("[") ? path : "." + path));
    }

    /** @return what the type allows */
    public String expected() {
        return expected;
    }

    /** @return a description of the value that came */
    public String actual() {
        return actual;
    }

    /** @return where the value sits, relative to what was being decoded; empty at the top */
    public String path() {
        return path;
    }

    @Override
    public String getMessage() {
        return (path.isEmpty() ? "" : "at " + path + ": ") + "expected " + expected + ", got " + actual;
    }
}
