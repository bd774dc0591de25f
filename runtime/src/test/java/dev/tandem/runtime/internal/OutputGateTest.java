package dev.tandem.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Durable before visible: outputs leave in the order added, each only once its revision is stored. */
class OutputGateTest {

    private final List<String> sent = new ArrayList<>();
    private final OutputGate gate = new OutputGate();

    private void add(long needs, String name) {
        gate.add(needs, () -> sent.add(name), reason -> sent.add(name + " failed: " + reason));
    }

    @Test
    void nothingLeavesBeforeItsRevisionIsStored() {
        add(3, "a");
        gate.releaseUpTo(2);
        assertEquals(List.of(), sent);
        assertFalse(gate.isEmpty());
        gate.releaseUpTo(3);
        assertEquals(List.of("a"), sent, "the stored revision itself releases");
        assertTrue(gate.isEmpty());
    }

    @Test
    void outputsLeaveInTheOrderTheyWereAddedAndNeverOvertake() {
        add(1, "a");
        add(3, "b");
        add(2, "c"); // a snapshot after b waits for b, even though its own revision is stored sooner
        gate.releaseUpTo(2);
        assertEquals(List.of("a"), sent);
        gate.releaseUpTo(5);
        assertEquals(List.of("a", "b", "c"), sent);
        gate.releaseUpTo(6);
        assertEquals(List.of("a", "b", "c"), sent, "each leaves once");
    }

    @Test
    void failAllTellsEveryRecipientInOrderAndEmptiesTheGate() {
        add(1, "a");
        add(2, "b");
        gate.failAll("storage is down");
        assertEquals(List.of("a failed: storage is down", "b failed: storage is down"), sent);
        assertTrue(gate.isEmpty());
        gate.releaseUpTo(10);
        assertEquals(2, sent.size(), "failed outputs are never released");
    }
}
