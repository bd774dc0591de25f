package dev.tandem.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.client.Patches;
import dev.tandem.runtime.support.PatchCases;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server's diff against the conformance table, and against seeded random turns: the ops are
 * the table's, and applying them (with the Java client's applier) gives the new state.
 */
class JsonDiffConformanceTest {

    static List<PatchCases.Case> turns() {
        return PatchCases.all().stream().filter(PatchCases.Case::isTurn).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("turns")
    void theDiffIsTheTablesOps(PatchCases.Case c) {
        assertEquals(c.ops(), RandomPatches.turnDiff(c.before(), c.after()));
        assertEquals(c.after(), Patches.apply(c.before(), c.ops()));
    }

    @Test
    void randomTurnsDiffAndApplyBackToTheServersState() {
        for (long seed = 1; seed <= 40; seed++) {
            JsonNode turns = RandomPatches.sequence(seed, 50);
            ObjectNode client = (ObjectNode) turns.get(0).get("before");
            int t = 0;
            for (JsonNode turn : turns) {
                client = Patches.apply(client, turn.get("ops"));
                assertEquals(turn.get("after"), client, "seed " + seed + ", turn " + t + ": " + turn);
                t++;
            }
        }
    }
}
