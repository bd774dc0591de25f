package dev.tandem.runtime.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.runtime.ErrorCode;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Client messages: what parses, and the exact error (with the call ID when known) for what does not. */
class ClientMessagesTest {

    private static ClientMessage parse(String text) {
        return ClientMessages.parse(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private static ClientMessages.Invalid invalid(String text) {
        ClientMessages.Invalid e = assertThrows(ClientMessages.Invalid.class, () -> parse(text));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        return e;
    }

    @Test
    void callsAndPingsParse() {
        ClientMessage.Call call = assertInstanceOf(ClientMessage.Call.class,
                parse("{\"type\":\"call\",\"id\":0,\"action\":\"play\",\"args\":[4]}"));
        assertEquals(0, call.id().intValue());
        assertEquals("play", call.action());
        assertEquals("[4]", call.args().toString());
        assertEquals("{\"cell\":4}", ((ClientMessage.Call) parse("{\"type\":\"call\",\"id\":\"a\",\"action\":\"p\",\"args\":{\"cell\":4}}")).args().toString());
        assertNull(((ClientMessage.Call) parse("{\"type\":\"call\",\"id\":1,\"action\":\"p\"}")).args());
        assertTrue(((ClientMessage.Call) parse("{\"type\":\"call\",\"id\":1,\"action\":\"p\",\"args\":null}")).args().isNull());
        assertInstanceOf(ClientMessage.Ping.class, parse("{\"type\":\"ping\"}"));
    }

    @Test
    void notJsonNamesWhereItBroke() {
        String m = invalid("{\"type\":").getMessage();
        assertTrue(m.startsWith("a message must be JSON, like {\"type\":\"call\""), m);
        assertTrue(m.contains("at line 1, column "), m);
        assertTrue(!m.contains("start marker at"), m);
    }

    @Test
    void notAnObjectOrNoKnownType() {
        assertEquals("a message must be a JSON object with a \"type\" (call or ping)", invalid("[1]").getMessage());
        assertEquals("a message must be a JSON object with a \"type\" (call or ping)", invalid("").getMessage());
        assertEquals("unknown message type (none); a message's \"type\" is \"call\" or \"ping\"", invalid("{}").getMessage());
        assertEquals("unknown message type \"join\"; a message's \"type\" is \"call\" or \"ping\"", invalid("{\"type\":\"join\"}").getMessage());
        assertEquals("unknown message type 7; a message's \"type\" is \"call\" or \"ping\"", invalid("{\"type\":7}").getMessage());
    }

    @Test
    void callIdsAreNonNegativeIntegersOrShortStrings() {
        String expected = "a call needs an \"id\": a non-negative integer or a string of 1 to 64 characters, unique among this client's calls";
        for (String id : new String[] {"", ",\"id\":-1", ",\"id\":1.5", ",\"id\":\"\"", ",\"id\":\"" + "x".repeat(65) + "\"",
                ",\"id\":true", ",\"id\":18446744073709551616"}) {
            ClientMessages.Invalid e = invalid("{\"type\":\"call\"" + id + ",\"action\":\"p\"}");
            assertEquals(expected, e.getMessage(), id);
            assertNull(e.callId, id);
        }
        parse("{\"type\":\"call\",\"id\":\"" + "x".repeat(64) + "\",\"action\":\"p\"}");
        parse("{\"type\":\"call\",\"id\":9223372036854775807,\"action\":\"p\"}");
    }

    @Test
    void actionAndArgsErrorsCarryTheCallId() {
        for (String action : new String[] {"", ",\"action\":\"\"", ",\"action\":3"}) {
            ClientMessages.Invalid e = invalid("{\"type\":\"call\",\"id\":5" + action + "}");
            assertEquals("a call needs an \"action\": the name of the action to call", e.getMessage());
            assertEquals(5, e.callId.intValue());
        }
        ClientMessages.Invalid e = invalid("{\"type\":\"call\",\"id\":\"k\",\"action\":\"p\",\"args\":3}");
        assertEquals("a call's \"args\" is a JSON array (by position) or object (by parameter name)", e.getMessage());
        assertEquals("k", e.callId.textValue());
    }
}
