package dev.tandem.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Readers and writers of primitive arrays, as JSON arrays; see {@link Json} for conventions. */
public final class PrimitiveArrays {

    private PrimitiveArrays() {
    }

    /** @param node the value @return the array, or {@code null} */
    public static boolean[] readBooleanArray(JsonNode node) {
        if (!check(node)) {
            return null;
        }
        boolean[] a = new boolean[node.size()];
        int i = 0;
        try {
            for (; i < a.length; i++) {
                a[i] = Scalars.readBoolean(element(node, i));
            }
        } catch (JsonDecodeException e) {
            throw e.at(i);
        }
        return a;
    }

    /** @param value the array @return a JSON array, or JSON null */
    public static JsonNode writeBooleanArray(boolean[] value) {
        if (value == null) {
            return Json.nullNode();
        }
        ArrayNode array = Json.NODES.arrayNode(value.length);
        for (boolean v : value) {
            array.add(v);
        }
        return array;
    }

    /** @param node the value @return the array, or {@code null} */
    public static byte[] readByteArray(JsonNode node) {
        if (!check(node)) {
            return null;
        }
        byte[] a = new byte[node.size()];
        int i = 0;
        try {
            for (; i < a.length; i++) {
                a[i] = Scalars.readByte(element(node, i));
            }
        } catch (JsonDecodeException e) {
            throw e.at(i);
        }
        return a;
    }

    /** @param value the array @return a JSON array, or JSON null */
    public static JsonNode writeByteArray(byte[] value) {
        if (value == null) {
            return Json.nullNode();
        }
        ArrayNode array = Json.NODES.arrayNode(value.length);
        for (byte v : value) {
            array.add(v);
        }
        return array;
    }

    /** @param node the value @return the array, or {@code null} */
    public static short[] readShortArray(JsonNode node) {
        if (!check(node)) {
            return null;
        }
        short[] a = new short[node.size()];
        int i = 0;
        try {
            for (; i < a.length; i++) {
                a[i] = Scalars.readShort(element(node, i));
            }
        } catch (JsonDecodeException e) {
            throw e.at(i);
        }
        return a;
    }

    /** @param value the array @return a JSON array, or JSON null */
    public static JsonNode writeShortArray(short[] value) {
        if (value == null) {
            return Json.nullNode();
        }
        ArrayNode array = Json.NODES.arrayNode(value.length);
        for (short v : value) {
            array.add(v);
        }
        return array;
    }

    /** @param node the value @return the array, or {@code null} */
    public static int[] readIntArray(JsonNode node) {
        if (!check(node)) {
            return null;
        }
        int[] a = new int[node.size()];
        int i = 0;
        try {
            for (; i < a.length; i++) {
                a[i] = Scalars.readInt(element(node, i));
            }
        } catch (JsonDecodeException e) {
            throw e.at(i);
        }
        return a;
    }

    /** @param value the array @return a JSON array, or JSON null */
    public static JsonNode writeIntArray(int[] value) {
        if (value == null) {
            return Json.nullNode();
        }
        ArrayNode array = Json.NODES.arrayNode(value.length);
        for (int v : value) {
            array.add(v);
        }
        return array;
    }

    /** @param node the value @return the array, or {@code null} */
    public static long[] readLongArray(JsonNode node) {
        if (!check(node)) {
            return null;
        }
        long[] a = new long[node.size()];
        int i = 0;
        try {
            for (; i < a.length; i++) {
                a[i] = Scalars.readLong(element(node, i));
            }
        } catch (JsonDecodeException e) {
            throw e.at(i);
        }
        return a;
    }

    /** @param value the array @return a JSON array, or JSON null */
    public static JsonNode writeLongArray(long[] value) {
        if (value == null) {
            return Json.nullNode();
        }
        ArrayNode array = Json.NODES.arrayNode(value.length);
        for (long v : value) {
            array.add(v);
        }
        return array;
    }

    /** @param node the value @return the array, or {@code null} */
    public static float[] readFloatArray(JsonNode node) {
        if (!check(node)) {
            return null;
        }
        float[] a = new float[node.size()];
        int i = 0;
        try {
            for (; i < a.length; i++) {
                a[i] = Scalars.readFloat(element(node, i));
            }
        } catch (JsonDecodeException e) {
            throw e.at(i);
        }
        return a;
    }

    /** @param value the array @return a JSON array, or JSON null */
    public static JsonNode writeFloatArray(float[] value) {
        if (value == null) {
            return Json.nullNode();
        }
        ArrayNode array = Json.NODES.arrayNode(value.length);
        for (float v : value) {
            array.add(Scalars.writeFloat(v));
        }
        return array;
    }

    /** @param node the value @return the array, or {@code null} */
    public static double[] readDoubleArray(JsonNode node) {
        if (!check(node)) {
            return null;
        }
        double[] a = new double[node.size()];
        int i = 0;
        try {
            for (; i < a.length; i++) {
                a[i] = Scalars.readDouble(element(node, i));
            }
        } catch (JsonDecodeException e) {
            throw e.at(i);
        }
        return a;
    }

    /** @param value the array @return a JSON array, or JSON null */
    public static JsonNode writeDoubleArray(double[] value) {
        if (value == null) {
            return Json.nullNode();
        }
        ArrayNode array = Json.NODES.arrayNode(value.length);
        for (double v : value) {
            array.add(Scalars.writeDouble(v));
        }
        return array;
    }

    /** @param node the value @return the array, or {@code null} */
    public static char[] readCharArray(JsonNode node) {
        if (!check(node)) {
            return null;
        }
        char[] a = new char[node.size()];
        int i = 0;
        try {
            for (; i < a.length; i++) {
                a[i] = Scalars.readChar(element(node, i));
            }
        } catch (JsonDecodeException e) {
            throw e.at(i);
        }
        return a;
    }

    /** @param value the array @return a JSON array, or JSON null */
    public static JsonNode writeCharArray(char[] value) {
        if (value == null) {
            return Json.nullNode();
        }
        ArrayNode array = Json.NODES.arrayNode(value.length);
        for (char v : value) {
            array.add(String.valueOf(v));
        }
        return array;
    }

    private static boolean check(JsonNode node) {
        if (Json.isAbsent(node)) {
            return false;
        }
        if (!node.isArray()) {
            throw new JsonDecodeException("an array", node);
        }
        return true;
    }

    private static JsonNode element(JsonNode node, int i) {
        JsonNode e = node.get(i);
        if (e.isNull()) {
            throw new JsonDecodeException("a value (the array holds primitives, which cannot be null)", e);
        }
        return e;
    }
}
