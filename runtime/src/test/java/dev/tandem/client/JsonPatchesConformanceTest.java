package dev.tandem.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.runtime.support.PatchCases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Java client's patch applier against the conformance table (runtime.js runs the same table in Node). */
class JsonPatchesConformanceTest {

    static List<PatchCases.Case> cases() {
        return PatchCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void appliesAsTheTableSays(PatchCases.Case c) {
        ObjectNode before = c.before().deepCopy();
        if (c.fails()) {
            assertThrows(IllegalArgumentException.class, () -> JsonPatches.apply(c.before(), c.toApply()));
        } else {
            assertEquals(c.after(), JsonPatches.apply(c.before(), c.toApply()));
        }
        assertEquals(before, c.before(), "the input is never modified");
    }
}
