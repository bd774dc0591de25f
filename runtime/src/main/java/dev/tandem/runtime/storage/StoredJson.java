package dev.tandem.runtime.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * JSON text as Tandem stores and serves it. Java strings may hold a lone UTF-16 surrogate (half of
 * an emoji cut by {@code substring}, say), which has no UTF-8 encoding: written as is, a database
 * would store it as {@code ?} and an HTTP body would carry {@code ?}, so the state after a restart
 * would differ from what clients were shown. Jackson's UTF-8 generator writes every surrogate as a
 * {@code \\uXXXX} escape, which every JSON reader turns back into the same string; text made from
 * its bytes is therefore safe on any channel. (WebSocket frames are those same bytes.)
 */
public final class StoredJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredJson() {
    }

    /** @return the node as UTF-8 JSON, every surrogate escaped (so the bytes are always valid UTF-8) */
    public static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the node as JSON text whose every character has a UTF-8 encoding */
    public static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }
}
