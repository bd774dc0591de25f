package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.ActionRejected;
import dev.tandem.runtime.fixtures.Alarm;
import dev.tandem.runtime.fixtures.Auction;
import dev.tandem.runtime.fixtures.CardTable;
import dev.tandem.runtime.fixtures.Counter;
import dev.tandem.runtime.fixtures.Greeter;
import dev.tandem.runtime.fixtures.Greetings;
import dev.tandem.runtime.fixtures.Room;
import dev.tandem.runtime.fixtures.SneakyView;
import dev.tandem.runtime.testkit.LiveObjectTestKit;
import dev.tandem.runtime.testkit.TestCaller;
import dev.tandem.runtime.testkit.TestInstance;
import dev.tandem.spi.BadArgumentsException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The test kit gives a plain unit test the server's turn semantics, fake callers and a manual clock. */
class TestKitTest {

    @Test
    void theReadmesTimerExampleWorksAsItSays() throws Exception {
        var kit = LiveObjectTestKit.of(Auction.class);
        TestInstance<Auction> auction = kit.create("lot-7");
        auction.advance(Duration.ofMinutes(9));
        assertEquals(true, auction.object().open, "not yet");
        auction.advance(Duration.ofMinutes(1));
        assertFalse(auction.object().open);
        assertEquals("[{\"op\":\"replace\",\"path\":\"/open\",\"value\":false}]", auction.lastPatch().toString());
    }

    @Test
    void serverOnlyFieldsAreStoredButNotShownAndEachViewerSeesItsOwnView() throws Exception {
        TestInstance<CardTable> table = LiveObjectTestKit.of(CardTable.class).create("t");
        TestCaller ada = TestCaller.user("ada");
        table.call(ada, "draw", "A-SECRET");
        assertEquals("[]", table.lastPatch().toString(), "a change to server-only state only: an empty patch");
        assertEquals(2, table.revision(), "but a revision of its own");
        assertFalse(table.state().has("hands"));
        assertEquals("{\"ada\":[\"A-SECRET\"]}", table.storedState().get("hands").toString(), "it is stored");
        assertEquals("[\"A-SECRET\"]", table.state(ada).get("hand").toString());
        assertEquals("[]", table.state(TestCaller.user("bob")).get("hand").toString());
    }

    @Test
    void aViewThatChangesTheStateIsCaught() throws Exception {
        TestInstance<SneakyView> sneaky = LiveObjectTestKit.of(SneakyView.class).create("s");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sneaky.state(TestCaller.user("ada")));
        assertEquals("@View 'seen' of sneaky-view changed the state; a view must be read-only: compute its value"
                + " without assigning fields", e.getMessage());
    }

    @Test
    void actionsRunAsTurnsAndFailuresRollBack() throws Exception {
        TestInstance<Counter> counter = LiveObjectTestKit.of(Counter.class).create("c");
        TestCaller ada = TestCaller.user("ada");
        assertEquals(3, counter.call(ada, "increment", 3).asLong());
        assertEquals("[{\"op\":\"replace\",\"path\":\"/count\",\"value\":3}]", counter.lastPatch().toString());
        assertEquals(2, counter.revision());
        assertThrows(IllegalStateException.class, () -> counter.call(ada, "explode"));
        assertEquals(3, counter.state().get("count").asLong(), "the failed turn was rolled back");
        assertEquals("[]", counter.state().get("log").toString());
        assertEquals(2, counter.revision());
        ActionRejected rejected = assertThrows(ActionRejected.class, () -> counter.call(ada, "increment", 0));
        assertEquals("Increment by at least 1", rejected.getMessage());
        assertThrows(BadArgumentsException.class, () -> counter.call(ada, "increment", "x"));
    }

    @Test
    void hooksSeeTheFakeConnections() throws Exception {
        TestInstance<Room> room = LiveObjectTestKit.of(Room.class).create("r");
        TestCaller ada = TestCaller.user("ada").with("name", "Ada");
        room.connect(ada);
        assertEquals("Ada", room.state().at("/online/conn-ada").asText());
        room.call(ada, "move", 1.0, 2.0);
        assertFalse(room.storedState().has("cursors"), "live-only fields are not in the stored state");
        room.call(ada, "say", "hi");
        assertEquals("ada: hi", room.state().at("/messages/0").asText());
        assertThrows(ActionRejected.class, () -> room.connect(TestCaller.user("eve").with("banned", "yes")));
        room.disconnect(ada);
        assertEquals(0, room.state().get("online").size());
    }

    @Test
    void beansAndOnCreate() throws Exception {
        TestInstance<Greeter> greeter = LiveObjectTestKit.of(Greeter.class).withBean(Greetings.class, new Greetings() {
            @Override
            public String greet(String name) {
                return "Hi " + name;
            }
        }).create("home");
        assertEquals("Hi home", greeter.state().get("greeting").asText(), "@OnCreate ran with the fake bean");
        assertEquals(1, greeter.revision());
    }

    @Test
    void timersFireWhenTheClockIsAdvanced() throws Exception {
        LiveObjectTestKit<Alarm> kit = LiveObjectTestKit.of(Alarm.class);
        TestInstance<Alarm> alarm = kit.create("a");
        alarm.call(TestCaller.user("u"), "set", 60_000);
        assertEquals(Instant.parse("2030-01-01T00:01:00Z"), alarm.timers().get("ring"));
        alarm.advance(Duration.ofSeconds(59));
        assertEquals(0, alarm.state().get("rings").asInt());
        alarm.advance(Duration.ofSeconds(1));
        assertEquals(1, alarm.state().get("rings").asInt());
        assertEquals("rang", alarm.state().get("status").asText());
        assertThrows(IllegalStateException.class, () -> alarm.call(TestCaller.user("u"), "setThenFail", 10));
        assertEquals(0, alarm.timers().size(), "a failed turn schedules nothing");
    }

    @Test
    void absoluteTimersFireAtTheirTimeAndPastOnesAreDueNow() throws Exception {
        TestInstance<Alarm> alarm = LiveObjectTestKit.of(Alarm.class).create("a");
        alarm.call(TestCaller.user("u"), "setAt", "2030-01-01T00:10:00Z");
        assertEquals(Instant.parse("2030-01-01T00:10:00Z"), alarm.timers().get("ring"));
        alarm.advance(Duration.ofMinutes(10).minusMillis(1));
        assertEquals(0, alarm.state().get("rings").asInt());
        alarm.advance(Duration.ofMillis(1));
        assertEquals(1, alarm.state().get("rings").asInt());
        alarm.call(TestCaller.user("u"), "setAt", "2029-06-01T00:00:00Z");
        assertEquals(Instant.parse("2030-01-01T00:10:00Z"), alarm.timers().get("ring"), "a past time is due now");
        alarm.advance(Duration.ZERO);
        assertEquals(2, alarm.state().get("rings").asInt(), "advance(ZERO) runs the timers already due");
    }
}
