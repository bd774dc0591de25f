package dev.tandem.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;

/** What a client sends over the WebSocket; see {@code docs/PROTOCOL.md}. */
sealed interface ClientMessage {

    /**
     * Call an action.
     *
     * @param id the client's ID for the call, echoed in the answer
     * @param action the action's name
     * @param args a JSON array (by position), object (by name), or {@code null}
     */
    record Call(JsonNode id, String action, JsonNode args) implements ClientMessage {
    }

    /** Are you there? Answered with a pong. */
    record Ping() implements ClientMessage {
    }
}
