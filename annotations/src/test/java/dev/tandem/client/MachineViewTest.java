package dev.tandem.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java client's view of a state machine, from the model document on the classpath (the order
 * model of {@code src/test/resources}, a copy of the processor's golden order model), and the typed
 * error an {@code invalid_transition} frame becomes.
 */
class MachineViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode order(String status) {
        return JSON.createObjectNode().put("status", status).put("label", "");
    }

    @Test
    void allowedFollowsTheStateFieldTransitionsFirstThenFreeActions() {
        MachineView pending = MachineView.of("order", order("PENDING"));
        assertEquals("PENDING", pending.state());
        assertEquals(List.of("pay", "cancel", "rename"), pending.allowed());
        assertTrue(pending.can("pay"));
        assertFalse(pending.can("ship"));
        assertTrue(pending.matches("PENDING"));
        assertFalse(pending.matches("PAID"));
        assertEquals(List.of("cancel", "ship", "rename"), MachineView.of("order", order("PAID")).allowed());
        assertEquals(List.of("rename"), MachineView.of("order", order("DELIVERED")).allowed(), "terminal: only free actions");
    }

    @Test
    void beforeTheFirstSnapshotNothingIsAllowed() {
        MachineView none = MachineView.of("order", null);
        assertEquals(List.of(), none.allowed());
        assertFalse(none.matches("PENDING"));
    }

    @Test
    void anInvalidTransitionFrameBecomesATypedExceptionWithItsData() throws Exception {
        String message = "state \"PENDING\" does not handle \"deliver\"; allowed: pay, cancel";
        ObjectNode frame = JSON.createObjectNode().put("type", "error").put("id", 7).put("code", "invalid_transition")
                .put("message", message).put("state", "PENDING");
        frame.putArray("allowed").add("pay").add("cancel");
        InvalidTransitionException e = assertInstanceOf(InvalidTransitionException.class,
                InvalidTransitionException.fromFrame(frame));
        assertEquals("invalid_transition", e.code());
        assertEquals(message, e.getMessage());
        assertEquals("PENDING", e.state());
        assertEquals(List.of("pay", "cancel"), e.allowed());
        CallFailedException other = InvalidTransitionException.fromFrame(
                JSON.createObjectNode().put("code", "rejected").put("message", "no"));
        assertFalse(other instanceof InvalidTransitionException);
        assertEquals("rejected", other.code());
    }
}
