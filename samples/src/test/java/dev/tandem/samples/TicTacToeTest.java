package dev.tandem.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.testkit.LiveObjectTestKit;
import dev.tandem.runtime.testkit.TestCaller;
import dev.tandem.runtime.testkit.TestInstance;
import org.junit.jupiter.api.Test;

/** Tic-tac-toe's rules, in the test kit: only the two seated players may act. */
class TicTacToeTest {

    @Test
    void aWatcherIsRefusedBeforeTheActionRuns() throws Exception {
        TestInstance<TicTacToe> game = LiveObjectTestKit.of(TicTacToe.class).create("game-1");
        TestCaller x = TestCaller.user("x");
        TestCaller o = TestCaller.user("o");
        TestCaller watcher = TestCaller.user("w");
        game.connect(x);
        game.connect(o);
        game.connect(watcher);
        long revision = game.revision();
        LiveObjectException refused = assertThrows(LiveObjectException.class, () -> game.call(watcher, "play", 4));
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        assertEquals("You are watching: only the two players can move", refused.getMessage());
        assertEquals(revision, game.revision(), "nothing changed");
        game.call(x, "play", 4);
        assertEquals("X", game.state().get("board").get(4).asText());
        assertEquals("You are watching: only the two players can start a rematch",
                assertThrows(LiveObjectException.class, () -> game.call(watcher, "rematch")).getMessage());
    }
}
