package dev.tandem.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;

/**
 * Readers and writers of scalar types, following the conventions of {@link Json}: primitives
 * become JSON booleans and numbers, {@code char} a one-character string, {@code UUID} a string,
 * {@code BigDecimal} and {@code BigInteger} strings (so JavaScript keeps every digit).
 */
public final class Scalars {

    private Scalars() {
    }

    /** @param node the value @return the boolean; {@code false} when missing */
    public static boolean readBoolean(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new JsonDecodeException("a boolean", node);
        }
        return node.booleanValue();
    }

    /** @param node the value @return the byte; 0 when missing */
    public static byte readByte(JsonNode node) {
        return (byte) integral(node, Byte.MIN_VALUE, Byte.MAX_VALUE, "a byte (an integer from -128 to 127)");
    }

    /** @param node the value @return the short; 0 when missing */
    public static short readShort(JsonNode node) {
        return (short) integral(node, Short.MIN_VALUE, Short.MAX_VALUE, "a short (an integer from -32768 to 32767)");
    }

    /** @param node the value @return the int; 0 when missing */
    public static int readInt(JsonNode node) {
        return (int) integral(node, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int (a whole number)");
    }

    /** @param node the value @return the long; 0 when missing */
    public static long readLong(JsonNode node) {
        return integral(node, Long.MIN_VALUE, Long.MAX_VALUE, "a long (a whole number)");
    }

    /** @param node the value @return the float; 0 when missing */
    public static float readFloat(JsonNode node) {
        double value = readDouble(node);
        if (Math.abs(value) > Float.MAX_VALUE) {
            throw new JsonDecodeException("a float (a number up to ±3.4e38)", "a number too large for a float ("
                    + node.asText() + ")");
        }
        return (float) value;
    }

    /** @param node the value @return the double; 0 when missing */
    public static double readDouble(JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (!node.isNumber()) {
            throw new JsonDecodeException("a number", node);
        }
        double value = node.doubleValue();
        if (!finite(value)) {
            // 1e400 parses as Infinity: say so, rather than let it through to be written as null
            throw new JsonDecodeException("a finite number", "a number too large for a double (" + node.asText() + ")");
        }
        return value;
    }

    /** @param node the value @return the char; {@code '\0'} when missing */
    public static char readChar(JsonNode node) {
        if (node == null) {
            return '\0';
        }
        if (!node.isTextual() || node.textValue().length() != 1) {
            throw new JsonDecodeException("a one-character string", node);
        }
        return node.textValue().charAt(0);
    }

    /** @param node the value @return the string, or {@code null} */
    public static String readString(JsonNode node) {
        if (Json.isAbsent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw new JsonDecodeException("a string", node);
        }
        return node.textValue();
    }

    /** @param node the value @return the UUID, or {@code null} */
    public static UUID readUuid(JsonNode node) {
        String text = readText(node, "a UUID string");
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new JsonDecodeException("a UUID string", node);
        }
    }

    /** @param node the value @return the decimal, or {@code null}; accepts strings and numbers */
    public static BigDecimal readBigDecimal(JsonNode node) {
        if (!Json.isAbsent(node) && node.isNumber()) {
            return node.decimalValue();
        }
        String text = readText(node, "a decimal number (as a string)");
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new JsonDecodeException("a decimal number (as a string)", node);
        }
    }

    /** @param node the value @return the integer, or {@code null}; accepts strings and whole numbers */
    public static BigInteger readBigInteger(JsonNode node) {
        if (!Json.isAbsent(node) && node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        String text = readText(node, "a whole number (as a string)");
        try {
            return text == null ? null : new BigInteger(text);
        } catch (NumberFormatException e) {
            throw new JsonDecodeException("a whole number (as a string)", node);
        }
    }

    /** @param value the value @return a JSON boolean */
    public static JsonNode writeBoolean(boolean value) {
        return BooleanNode.valueOf(value);
    }

    /** @param value the value @return a JSON number */
    public static JsonNode writeByte(byte value) {
        return IntNode.valueOf(value);
    }

    /** @param value the value @return a JSON number */
    public static JsonNode writeShort(short value) {
        return IntNode.valueOf(value);
    }

    /** @param value the value @return a JSON number */
    public static JsonNode writeInt(int value) {
        return IntNode.valueOf(value);
    }

    /** @param value the value @return a JSON number */
    public static JsonNode writeLong(long value) {
        return LongNode.valueOf(value);
    }

    /** @param value the value @return a JSON number */
    public static JsonNode writeFloat(float value) {
        return finite(value) ? FloatNode.valueOf(value) : Json.nullNode();
    }

    /** @param value the value @return a JSON number; JSON null for NaN and infinities, which JSON lacks */
    public static JsonNode writeDouble(double value) {
        return finite(value) ? DoubleNode.valueOf(value) : Json.nullNode();
    }

    /** @param value the value @return a one-character JSON string */
    public static JsonNode writeChar(char value) {
        return TextNode.valueOf(String.valueOf(value));
    }

    /** @param value the value @return a JSON string, or JSON null */
    public static JsonNode writeString(String value) {
        return value == null ? Json.nullNode() : TextNode.valueOf(value);
    }

    /** @param value the value @return a JSON string, or JSON null */
    public static JsonNode writeUuid(UUID value) {
        return value == null ? Json.nullNode() : TextNode.valueOf(value.toString());
    }

    /** @param value the value @return a JSON string, or JSON null */
    public static JsonNode writeBigDecimal(BigDecimal value) {
        return value == null ? Json.nullNode() : TextNode.valueOf(value.toString());
    }

    /** @param value the value @return a JSON string, or JSON null */
    public static JsonNode writeBigInteger(BigInteger value) {
        return value == null ? Json.nullNode() : TextNode.valueOf(value.toString());
    }

    // Boxed types: JSON null and missing values are null.

    /** @param node the value @return the boxed value, or {@code null} */
    public static Boolean readBooleanOrNull(JsonNode node) {
        return Json.isAbsent(node) ? null : readBoolean(node);
    }

    /** @param value the value @return its JSON form, or JSON null */
    public static JsonNode writeBooleanOrNull(Boolean value) {
        return value == null ? Json.nullNode() : writeBoolean(value);
    }

    /** @param node the value @return the boxed value, or {@code null} */
    public static Byte readByteOrNull(JsonNode node) {
        return Json.isAbsent(node) ? null : readByte(node);
    }

    /** @param value the value @return its JSON form, or JSON null */
    public static JsonNode writeByteOrNull(Byte value) {
        return value == null ? Json.nullNode() : writeByte(value);
    }

    /** @param node the value @return the boxed value, or {@code null} */
    public static Short readShortOrNull(JsonNode node) {
        return Json.isAbsent(node) ? null : readShort(node);
    }

    /** @param value the value @return its JSON form, or JSON null */
    public static JsonNode writeShortOrNull(Short value) {
        return value == null ? Json.nullNode() : writeShort(value);
    }

    /** @param node the value @return the boxed value, or {@code null} */
    public static Integer readIntOrNull(JsonNode node) {
        return Json.isAbsent(node) ? null : readInt(node);
    }

    /** @param value the value @return its JSON form, or JSON null */
    public static JsonNode writeIntOrNull(Integer value) {
        return value == null ? Json.nullNode() : writeInt(value);
    }

    /** @param node the value @return the boxed value, or {@code null} */
    public static Long readLongOrNull(JsonNode node) {
        return Json.isAbsent(node) ? null : readLong(node);
    }

    /** @param value the value @return its JSON form, or JSON null */
    public static JsonNode writeLongOrNull(Long value) {
        return value == null ? Json.nullNode() : writeLong(value);
    }

    /** @param node the value @return the boxed value, or {@code null} */
    public static Float readFloatOrNull(JsonNode node) {
        return Json.isAbsent(node) ? null : readFloat(node);
    }

    /** @param value the value @return its JSON form, or JSON null */
    public static JsonNode writeFloatOrNull(Float value) {
        return value == null ? Json.nullNode() : writeFloat(value);
    }

    /** @param node the value @return the boxed value, or {@code null} */
    public static Double readDoubleOrNull(JsonNode node) {
        return Json.isAbsent(node) ? null : readDouble(node);
    }

    /** @param value the value @return its JSON form, or JSON null */
    public static JsonNode writeDoubleOrNull(Double value) {
        return value == null ? Json.nullNode() : writeDouble(value);
    }

    /** @param node the value @return the boxed value, or {@code null} */
    public static Character readCharOrNull(JsonNode node) {
        return Json.isAbsent(node) ? null : readChar(node);
    }

    /** @param value the value @return its JSON form, or JSON null */
    public static JsonNode writeCharOrNull(Character value) {
        return value == null ? Json.nullNode() : writeChar(value);
    }

    static String readText(JsonNode node, String expected) {
        if (Json.isAbsent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw new JsonDecodeException(expected, node);
        }
        return node.textValue();
    }

    private static boolean finite(double value) {
        return !Double.isNaN(value) && !Double.isInfinite(value);
    }

    private static long integral(JsonNode node, long min, long max, String expected) {
        if (node == null) {
            return 0;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long v = node.longValue();
            if (v >= min && v <= max) {
                return v;
            }
        } else if (node.isFloatingPointNumber()) {
            double d = node.doubleValue();
            if (d == Math.rint(d) && d >= min && d <= max) {
                return (long) d;
            }
        }
        throw new JsonDecodeException(expected, node);
    }
}
