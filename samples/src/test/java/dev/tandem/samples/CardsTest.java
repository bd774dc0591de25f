package dev.tandem.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.testkit.LiveObjectTestKit;
import dev.tandem.runtime.testkit.TestCaller;
import dev.tandem.runtime.testkit.TestInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card table's rules, in the test kit: hands are private, and only seated players deal again. */
class CardsTest {

    @Test
    void aWatcherMayNotDealANewRoundAndSeesNoHand() throws Exception {
        TestInstance<Cards> table = LiveObjectTestKit.of(Cards.class).create("table-1");
        TestCaller ann = TestCaller.user("ann");
        TestCaller watcher = TestCaller.user("w");
        table.connect(ann);
        for (int i = 0; i < 4; i++) {
            table.connect(TestCaller.user("p" + i)); // the table seats four: ann and three more
        }
        table.connect(watcher);
        assertEquals(List.of(), List.copyOf(table.object().hand(watcher)), "a watcher holds nothing");
        List<String> before = List.copyOf(table.object().hand(ann));
        assertEquals(5, before.size());
        long revision = table.revision();
        LiveObjectException refused = assertThrows(LiveObjectException.class, () -> table.call(watcher, "newRound"));
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        assertEquals(revision, table.revision(), "nothing changed");
        assertEquals(before, table.object().hand(ann), "no one's hand was dealt again");
        table.call(ann, "newRound");
        assertEquals(5, table.object().hand(ann).size());
    }
}
