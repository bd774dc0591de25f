package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.runtime.fixtures.Ticket;
import dev.tandem.runtime.testkit.LiveObjectTestKit;
import dev.tandem.runtime.testkit.TestCaller;
import dev.tandem.runtime.testkit.TestInstance;
import org.junit.jupiter.api.Test;

/** A migration can be tested without a server: the kit loads state stored by an older version as the server does. */
class MigrationTestKitTest {

    private final LiveObjectTestKit<Ticket> kit = LiveObjectTestKit.of(Ticket.class);

    @Test
    void stateStoredByVersionOneLoadsMigratedAndTakesCalls() throws Exception {
        TestInstance<Ticket> t = kit.load("t1", 1,
                "{\"title\":\"Printer jams\",\"price\":250,\"priority\":\"high\",\"notes\":[\"first\"]}");
        assertEquals("{\"name\":\"Printer jams\",\"price\":{\"cents\":250,\"currency\":\"EUR\"},\"priority\":\"HIGH\","
                + "\"notes\":[{\"text\":\"first\"}]}", t.storedState().toString());
        t.call(TestCaller.user("ada"), "note", "second");
        assertEquals("[{\"op\":\"add\",\"path\":\"/notes/-\",\"value\":{\"text\":\"second\"}}]", t.lastPatch().toString());
    }

    @Test
    void stateAtTheCurrentVersionLoadsAsItIs() throws Exception {
        TestInstance<Ticket> t = kit.load("t2", 3,
                "{\"name\":\"A\",\"price\":{\"cents\":1,\"currency\":\"USD\"},\"priority\":\"LOW\",\"notes\":[]}");
        assertEquals("USD", t.storedState().get("price").get("currency").asText());
    }

    @Test
    void aFailingMigrationOrANewerVersionIsRefusedWithTheReason() {
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> kit.load("t3", 1,
                "{\"title\":\"x\",\"price\":1,\"priority\":\"low\",\"notes\":[],\"refuse\":true}"));
        assertTrue(failed.getMessage().contains("@Migrate(from = 1)) failed"), failed.getMessage());
        IllegalStateException newer = assertThrows(IllegalStateException.class, () -> kit.load("t4", 4, "{}"));
        assertTrue(newer.getMessage().contains("stored by newer code"), newer.getMessage());
        IllegalArgumentException notObject = assertThrows(IllegalArgumentException.class, () -> kit.load("t5", 1, "[1]"));
        assertTrue(notObject.getMessage().contains("must be a JSON object"), notObject.getMessage());
    }
}
