package dev.tandem.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resume from the buffer: exactly the missed patches in order, or null (a fresh snapshot) when some are gone. */
class ResumeBufferTest {

    private static byte[] frame(long revision) {
        return ("p" + revision).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> text(List<byte[]> frames) {
        return frames.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    private static ResumeBuffer filled(int capacity, long from, long to) {
        ResumeBuffer buffer = new ResumeBuffer(capacity);
        for (long r = from; r <= to; r++) {
            buffer.add(r, frame(r));
        }
        return buffer;
    }

    @Test
    void aClientThatIsUpToDateGetsNothing() {
        assertEquals(List.of(), new ResumeBuffer(4).since(7, 7));
        assertEquals(List.of(), filled(4, 1, 3).since(3, 3));
    }

    @Test
    void anEmptyBufferCannotResumeAnyoneBehind() {
        assertNull(new ResumeBuffer(4).since(2, 3));
    }

    @Test
    void missedPatchesComeInRevisionOrder() {
        ResumeBuffer buffer = filled(4, 1, 3);
        assertEquals(List.of("p1", "p2", "p3"), text(buffer.since(0, 3)));
        assertEquals(List.of("p3"), text(buffer.since(2, 3)));
    }

    @Test
    void afterWrappingOnlyTheLastCapacityPatchesAreKept() {
        ResumeBuffer buffer = filled(4, 1, 10);
        assertEquals(List.of("p7", "p8", "p9", "p10"), text(buffer.since(6, 10)), "the oldest kept is 7");
        assertNull(buffer.since(5, 10), "patch 6 was overwritten");
    }

    @Test
    void aClientAheadOfTheServerOrABufferBehindTheCurrentRevisionIsRefused() {
        ResumeBuffer buffer = filled(4, 1, 3);
        assertNull(buffer.since(5, 3), "a revision from the future (another epoch)");
        assertNull(buffer.since(2, 4), "revision 4 was never buffered");
    }

    @Test
    void aCapacityBelowOneKeepsOnePatch() {
        ResumeBuffer buffer = filled(0, 1, 2);
        assertEquals(List.of("p2"), text(buffer.since(1, 2)));
        assertNull(buffer.since(0, 2));
    }
}
