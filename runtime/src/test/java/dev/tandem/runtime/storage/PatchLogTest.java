package dev.tandem.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.runtime.support.PatchCases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Replaying the patch log: the applier agrees with the shared patch conformance table, and a log
 * with a gap, a missing tail or a lost patch is refused with a message that says what is wrong.
 */
class PatchLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<PatchCases.Case> cases() {
        return PatchCases.all();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theApplierAgreesWithTheConformanceTable(PatchCases.Case c) {
        ObjectNode state = c.before().deepCopy();
        if (c.fails()) {
            assertThrows(IllegalArgumentException.class, () -> PatchLog.apply(state, c.toApply()));
        } else {
            PatchLog.apply(state, c.toApply());
            assertEquals(c.after(), state);
        }
    }

    private static StoredPatch patch(long rev, long base, String ops) {
        return new StoredPatch(rev, base, ops);
    }

    private static final String INC = "[{\"op\":\"replace\",\"path\":\"/count\",\"value\":%d}]";

    @Test
    void replayAppliesThePatchesAfterTheSnapshotOnly() {
        List<StoredPatch> log = List.of(patch(3, 2, INC.formatted(3)), patch(4, 3, INC.formatted(4)),
                patch(5, 4, INC.formatted(5)), patch(7, 5, "[]"), patch(8, 7, INC.formatted(8)));
        // rows at and before the snapshot (kept for resuming clients) are not applied again
        StoredState stored = new StoredState(8, "{\"count\":4,\"log\":[]}", null, 4, "h", log);
        assertEquals("{\"count\":8,\"log\":[]}", PatchLog.replay(stored).toString());
        assertEquals("{\"count\":1}", PatchLog.replay(new StoredState(9, "{\"count\":1}", null)).toString(),
                "a row from before the log: its state is at its revision");
    }

    @Test
    void aGapInTheLogIsRefusedNamingTheRevisions() {
        List<StoredPatch> log = List.of(patch(5, 4, INC.formatted(5)), patch(7, 6, INC.formatted(7)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PatchLog.replay(new StoredState(7, "{\"count\":4}", null, 4, "h", log)));
        assertTrue(e.getMessage().contains("gap: after revision 5 the next stored patch applies to revision 6"),
                e.getMessage());
    }

    @Test
    void aLogThatStopsShortOfTheRevisionIsRefused() {
        List<StoredPatch> log = List.of(patch(5, 4, INC.formatted(5)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PatchLog.replay(new StoredState(6, "{\"count\":4}", null, 4, "h", log)));
        assertTrue(e.getMessage().contains("ends at revision 5 but the instance is at revision 6"), e.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> PatchLog.replay(new StoredState(6, "{\"count\":4}", null, 4, "h", List.of())));
        assertTrue(none.getMessage().contains("ends at revision 4"), none.getMessage());
    }

    @Test
    void aPatchThatDoesNotApplyOrWasNotKeptIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PatchLog.replay(new StoredState(5,
                "{\"count\":4}", null, 4, "h", List.of(patch(5, 4, "[{\"op\":\"remove\",\"path\":\"/nope\"}]")))));
        assertTrue(e.getMessage().contains("patch to revision 5 does not apply") && e.getMessage().contains("nope"),
                e.getMessage());
        IllegalStateException lost = assertThrows(IllegalStateException.class, () -> PatchLog.replay(
                new StoredState(5, "{\"count\":4}", null, 4, "h", List.of(patch(5, 4, null)))));
        assertTrue(lost.getMessage().contains("lacks the operations of revision 5"), lost.getMessage());
    }

    @Test
    void applyChangesNestedValuesInPlace() throws Exception {
        ObjectNode state = (ObjectNode) JSON.readTree("{\"tasks\":[{\"id\":1,\"done\":false},{\"id\":2,\"done\":false}],"
                + "\"by\":{\"a/b\":1,\"c~d\":2}}");
        JsonNode ops = JSON.readTree("[{\"op\":\"replace\",\"path\":\"/tasks/1/done\",\"value\":true},"
                + "{\"op\":\"add\",\"path\":\"/tasks/-\",\"value\":{\"id\":3}},{\"op\":\"remove\",\"path\":\"/tasks/0\"},"
                + "{\"op\":\"replace\",\"path\":\"/by/a~1b\",\"value\":5},{\"op\":\"remove\",\"path\":\"/by/c~0d\"}]");
        PatchLog.apply(state, ops);
        assertEquals("{\"tasks\":[{\"id\":2,\"done\":true},{\"id\":3}],\"by\":{\"a/b\":5}}", state.toString());
    }
}
