package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.ActionRejected;
import dev.tandem.Connection;
import dev.tandem.runtime.fixtures.Lobby;
import dev.tandem.runtime.testkit.LiveObjectTestKit;
import dev.tandem.runtime.testkit.TestCaller;
import dev.tandem.runtime.testkit.TestInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test kit keeps presence as the server does: two tabs of one user join once and leave once. */
class PresenceTestKitTest {

    @Test
    void twoTabsOfOneUserJoinOnceAndLeaveOnce() throws Exception {
        TestInstance<Lobby> lobby = LiveObjectTestKit.of(Lobby.class).create("l");
        TestCaller ada = TestCaller.user("ada").with("name", "Ada");
        TestCaller adaTab2 = ada.tab(2);
        TestCaller bob = TestCaller.user("bob").with("name", "Bob");
        lobby.connect(ada);
        lobby.connect(adaTab2);
        lobby.connect(bob);
        assertEquals(List.of("connect Ada [Ada x1] 1/1", "join Ada [Ada x1] 1/1", "connect Ada [Ada x2] 1/2",
                "connect Bob [Ada x2, Bob x1] 2/3", "join Bob [Ada x2, Bob x1] 2/3"), log(lobby));
        assertEquals(2, lobby.presence().userCount());
        assertEquals(3, lobby.presence().connectionCount());
        assertEquals(List.of("conn-ada", "conn-ada#2"), lobby.presence().user("ada").orElseThrow().connections()
                .stream().map(Connection::connectionId).toList());
        assertEquals("Ada", lobby.presence().users().get(0).first().attribute("name").orElseThrow());

        lobby.disconnect(ada);
        assertTrue(lobby.presence().isHere("ada"), "one tab is still open");
        assertEquals("disconnect Ada [Ada x1, Bob x1] 2/2", last(lobby));
        assertEquals("Ada", lobby.state().at("/online/ada").asText());
        lobby.disconnect(adaTab2);
        assertFalse(lobby.presence().isHere("ada"));
        assertEquals(List.of("disconnect Ada [Bob x1] 1/1", "leave Ada [Bob x1] 1/1"), log(lobby).subList(6, 8));
        assertFalse(lobby.state().get("online").has("ada"));
    }

    @Test
    void refusalsAndMistakesAreClear() throws Exception {
        TestInstance<Lobby> lobby = LiveObjectTestKit.of(Lobby.class).create("l");
        TestCaller ada = TestCaller.user("ada");
        assertThrows(ActionRejected.class, () -> lobby.connect(TestCaller.user("eve").with("banned", "yes")));
        assertThrows(ActionRejected.class, () -> lobby.connect(TestCaller.user("sam").with("shy", "yes")));
        assertEquals(0, lobby.presence().connectionCount(), "refused connections never count");
        assertEquals(List.of(), log(lobby), "nor leave anything behind");
        lobby.connect(ada);
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> lobby.connect(ada));
        assertEquals("connection 'conn-ada' of user 'ada' is already connected to lobby; for a second tab of the same"
                + " user give it its own connection ID, for example with TestCaller.tab(2)", twice.getMessage());
        IllegalStateException never = assertThrows(IllegalStateException.class, () -> lobby.disconnect(ada.tab(3)));
        assertEquals("connection 'conn-ada#3' of user 'ada' is not connected to lobby: connect it first",
                never.getMessage());
    }

    private static List<String> log(TestInstance<Lobby> lobby) {
        return PresenceTest.log(lobby.state().get("log"));
    }

    private static String last(TestInstance<Lobby> lobby) {
        List<String> log = log(lobby);
        return log.get(log.size() - 1);
    }
}
