package dev.tandem.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tandem.spi.FieldDescriptor;
import dev.tandem.spi.StateAccess;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A turn commits what it changed as a patch, or, when it throws, puts every field back as it was. */
class TurnRunnerTest {

    /** A live object with one stored and one live-only field, read and written like generated code does. */
    static final class Board {
        int score;
        String cursor = "a";
    }

    static final class BoardState implements StateAccess<Board> {
        @Override
        public List<FieldDescriptor> fields() {
            return List.of(new FieldDescriptor("score", true, false), new FieldDescriptor("cur/sor", false, false));
        }

        @Override
        public JsonNode read(Board target, int field) {
            return field == 0 ? IntNode.valueOf(target.score) : TextNode.valueOf(target.cursor);
        }

        @Override
        public void write(Board target, int field, JsonNode value) {
            if (field == 0) {
                target.score = value.intValue();
            } else {
                target.cursor = value.textValue();
            }
        }
    }

    private final Board board = new Board();
    private final TurnRunner<Board> runner = new TurnRunner<>(board, new BoardState(),
            new InstanceContext(new InstanceKey("board", "b"), Clock.systemUTC(), List.of()));

    @Test
    void aTurnThatThrowsPutsEveryFieldBack() {
        IllegalStateException boom = new IllegalStateException("boom");
        TurnRunner.Result r = runner.run(b -> {
            b.score = 10;
            b.cursor = "z";
            throw boom;
        });
        assertFalse(r.ok());
        assertSame(boom, r.failure());
        assertNull(r.ops());
        assertEquals(0, board.score, "rolled back");
        assertEquals("a", board.cursor, "every field, not just the first");
    }

    @Test
    void aCommittedTurnReportsItsPatchAndWhetherStoredStateChanged() {
        TurnRunner.Result live = runner.run(b -> {
            b.cursor = "b";
            return null;
        });
        assertTrue(live.ok());
        assertEquals("[{\"op\":\"replace\",\"path\":\"/cur~1sor\",\"value\":\"b\"}]", live.ops().toString());
        assertFalse(live.storedChanged(), "only a live-only field changed");

        TurnRunner.Result stored = runner.run(b -> {
            b.score = 2;
            return IntNode.valueOf(2);
        });
        assertTrue(stored.storedChanged());
        assertEquals(2, stored.value().intValue());
        assertEquals("[{\"op\":\"replace\",\"path\":\"/score\",\"value\":2}]", stored.ops().toString());

        runner.run(b -> {
            b.score = 99;
            throw new IllegalStateException();
        });
        assertEquals(2, board.score, "a failed turn goes back to the last committed value, not the first");
        assertEquals("b", board.cursor);
        TurnRunner.Result none = runner.run(b -> null);
        assertNull(none.ops(), "no change, no patch");
        assertFalse(none.storedChanged());
    }
}
