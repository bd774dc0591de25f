package dev.tandem.runtime.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.internal.Frames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;

/** Parses and checks client messages, with an error that names what was wrong and what is allowed. */
final class ClientMessages {

    private static final int MAX_ID_LENGTH = 64;

    private ClientMessages() {
    }

    /** A message that could not be accepted, with the call ID when one could be read. */
    static final class Invalid extends LiveObjectException {
        private static final long serialVersionUID = 1L;
        final transient JsonNode callId;

        Invalid(JsonNode callId, String message) {
            super(ErrorCode.BAD_REQUEST, message);
            this.callId = callId;
        }
    }

    /**
     * @param e a parse failure
     * @return what the parser found wrong and where, without the parser's internal source description
     */
    static String whatIsWrong(JsonProcessingException e) {
        String what = e.getOriginalMessage();
        int internal = what.indexOf(" (start marker at");
        if (internal >= 0) {
            what = what.substring(0, internal);
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? what : what + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    static ClientMessage parse(ByteBuf content) {
        JsonNode node;
        try {
            node = Frames.JSON.readTree(new ByteBufInputStream(content.duplicate()));
        } catch (JsonProcessingException e) {
            throw new Invalid(null, "a message must be JSON, like {\"type\":\"call\",\"id\":1,\"action\":\"...\",\"args\":[]};"
                    + " this one is not valid JSON (" + whatIsWrong(e) + ")");
        } catch (IOException e) {
            throw new Invalid(null, "the message could not be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Invalid(null, "a message must be a JSON object with a \"type\" (call or ping)");
        }
        JsonNode type = node.get("type");
        String kind = type != null && type.isTextual() ? type.textValue() : null;
        if ("ping".equals(kind)) {
            return new ClientMessage.Ping();
        }
        if (!"call".equals(kind)) {
            throw new Invalid(null, "unknown message type " + (type == null ? "(none)" : type.toString())
                    + "; a message's \"type\" is \"call\" or \"ping\"");
        }
        JsonNode id = node.get("id");
        boolean validId = id != null && (id.isIntegralNumber() && id.canConvertToLong() && id.longValue() >= 0
                || id.isTextual() && !id.textValue().isEmpty() && id.textValue().length() <= MAX_ID_LENGTH);
        if (!validId) {
            throw new Invalid(null, "a call needs an \"id\": a non-negative integer or a string of 1 to "
                    + MAX_ID_LENGTH + " characters, unique among this client's calls");
        }
        JsonNode action = node.get("action");
        if (action == null || !action.isTextual() || action.textValue().isEmpty()) {
            throw new Invalid(id, "a call needs an \"action\": the name of the action to call");
        }
        JsonNode args = node.get("args");
        if (args != null && !args.isArray() && !args.isObject() && !args.isNull()) {
            throw new Invalid(id, "a call's \"args\" is a JSON array (by position) or object (by parameter name)");
        }
        return new ClientMessage.Call(id, action.textValue(), args);
    }
}
