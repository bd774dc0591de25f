package dev.tandem.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A viewer's frame is the shared patch with its own view operations appended, spliced as bytes. */
class PatchFramesTest {

    private static ArrayNode ops(String json) throws Exception {
        return (ArrayNode) Frames.JSON.readTree(json);
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    @Test
    void ownOperationsFollowTheSharedOnes() throws Exception {
        byte[] shared = Frames.patch(7, ops("[{\"op\":\"replace\",\"path\":\"/n\",\"value\":1}]"));
        byte[] mine = Frames.withOwnOps(shared, ops("[{\"op\":\"add\",\"path\":\"/hand/-\",\"value\":\"A♠\"}]"));
        assertEquals("{\"type\":\"patch\",\"rev\":7,\"ops\":[{\"op\":\"replace\",\"path\":\"/n\",\"value\":1},"
                + "{\"op\":\"add\",\"path\":\"/hand/-\",\"value\":\"A♠\"}]}", text(mine));
        assertEquals(2, Frames.JSON.readTree(text(mine)).get("ops").size(), "valid JSON");
    }

    @Test
    void anEmptySharedPatchGetsOnlyTheOwnOperations() throws Exception {
        byte[] shared = Frames.patch(8, ops("[]"));
        byte[] mine = Frames.withOwnOps(shared, ops("[{\"op\":\"remove\",\"path\":\"/hand/0\"}]"));
        assertEquals("{\"type\":\"patch\",\"rev\":8,\"ops\":[{\"op\":\"remove\",\"path\":\"/hand/0\"}]}", text(mine));
        byte[] result = Frames.result(Frames.JSON.getNodeFactory().numberNode(3), 8, Frames.JSON.getNodeFactory().nullNode(), mine);
        assertEquals("{\"type\":\"result\",\"id\":3,\"rev\":8,\"value\":null,\"ops\":[{\"op\":\"remove\",\"path\":\"/hand/0\"}]}",
                text(result), "a caller's result carries its own frame's operations");
    }

    @Test
    void eachUserGetsItsFrameAndAnUnknownUserNone() {
        byte[] shared = {1};
        byte[] own = {2};
        assertSame(shared, new PatchFrames(shared, null).to("anyone"), "no views: one frame for all");
        PatchFrames frames = new PatchFrames(shared, Map.of("ada", own, "bob", shared));
        assertSame(own, frames.to("ada"));
        assertSame(shared, frames.to("bob"));
        assertNull(frames.to("eve"), "a user that had no views computed at that turn gets nothing");
    }
}
