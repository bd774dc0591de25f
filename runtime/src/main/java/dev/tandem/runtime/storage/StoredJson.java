package dev.tandem.runtime.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * JSON text as Tandem stores it. Java strings may hold a lone UTF-16 surrogate (half of an emoji
 * cut by {@code substring}, say), which has no UTF-8 encoding: a database would store it as
 * {@code ?}, and the state after a restart would differ from what clients were shown; in a
 * WebSocket text frame it is invalid UTF-8, which a browser answers by failing the connection.
 * Surrogates are therefore written as {@code \\uXXXX} escapes, which every JSON reader turns back
 * into the same string. Used for everything Tandem stores and sends.
 */
public final class StoredJson {

    private static final ObjectWriter WRITER = new ObjectMapper().writer().with(new SurrogateEscapes());

    private StoredJson() {
    }

    /** @return the node as UTF-8 JSON, every surrogate escaped (so the bytes are always valid UTF-8) */
    public static byte[] bytes(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the node as JSON text, ASCII-escaping every surrogate */
    public static String text(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class SurrogateEscapes extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch >= Character.MIN_SURROGATE && ch <= Character.MAX_SURROGATE) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
