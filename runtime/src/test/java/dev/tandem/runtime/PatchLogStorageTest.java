package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The patch log over real servers and a real database (H2, or PostgreSQL with
 * {@code -Ptandem-postgres}): what a restart loads is what was committed, across snapshots and
 * compaction; a broken log is refused; clients resume across a restart with exactly the patches
 * they missed, unless the type's clients see something storage does not hold; a turn writes about
 * its patch, not the whole state.
 */
class PatchLogStorageTest {

    /** Small snapshot period and retention, so a short run crosses several snapshots and compactions. */
    private static final Map<String, Object> SMALL = Map.of("tandem.storage.snapshot-every", "7",
            "tandem.storage.log-retention", "5");
    /** Snapshots as often, but the log kept long enough for the resuming client. */
    private static final Map<String, Object> KEEP = Map.of("tandem.storage.snapshot-every", "7",
            "tandem.storage.log-retention", "20");

    private static long[] row(TestServer server, String type, String id) {
        JdbcOperations jdbc = server.bean(JdbcOperations.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = server.bean(TransactionOperations.class);
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT revision, snapshot_revision,"
                + " (SELECT COUNT(*) FROM tandem_patch p WHERE p.object_type = i.object_type AND p.object_id = i.object_id),"
                + " (SELECT MIN(revision) FROM tandem_patch p WHERE p.object_type = i.object_type AND p.object_id = i.object_id)"
                + " FROM tandem_instance i WHERE object_type = ? AND object_id = ?", ps -> {
                    ps.setString(1, type);
                    ps.setString(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next(), "the instance is stored");
                        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
                    }
                }));
    }

    private static int sql(TestServer server, String statement, String id) {
        JdbcOperations jdbc = server.bean(JdbcOperations.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = server.bean(TransactionOperations.class);
        return tx.executeWrite(s -> jdbc.prepareStatement(statement, ps -> {
            ps.setString(1, id);
            return ps.executeUpdate();
        }));
    }

    @Test
    void randomTurnsLoadAfterARestartAsTheyWereAcrossSnapshotsAndCompaction() throws Exception {
        Path data = Files.createTempDirectory("tandem-log");
        Random random = new Random(16);
        for (int round = 0; round < 3; round++) {
            String id = TestServer.uniqueId("replay");
            JsonNode before;
            long[] stored;
            try (TestServer server = TestServer.start(data, SMALL); TestSocket a = server.connect("counter", id)) {
                a.awaitType("snapshot");
                int turns = 10 + random.nextInt(40); // bounded: at most 49 turns a round
                for (int t = 0; t < turns; t++) {
                    switch (random.nextInt(4)) {
                        case 0 -> a.awaitAnswer(a.call("increment", 1 + random.nextInt(5)));
                        case 1 -> a.awaitAnswer(a.call("append", random.nextInt(100)));
                        case 2 -> a.awaitAnswer(a.call("blob", random.nextInt(2), "xy/~" + t));
                        default -> a.awaitAnswer(a.call("explode")); // fails: nothing logged
                    }
                }
                before = server.bean(LiveObjects.class).read("counter", id).get().state().deepCopy();
                stored = row(server, "counter", id);
            }
            long revision = stored[0];
            long snapshotAt = stored[1];
            assertTrue(revision - snapshotAt < 7, "a snapshot at least every 7 revisions: " + List.of(revision, snapshotAt));
            assertTrue(stored[3] >= snapshotAt - 5 || stored[2] == 0,
                    "rows older than the retention before the snapshot are compacted away: oldest " + stored[3]
                            + ", snapshot " + snapshotAt);
            assertTrue(stored[2] <= 7 + 5 + 1, "the log stays bounded: " + stored[2] + " rows");
            try (TestServer again = TestServer.start(data, SMALL); TestSocket b = again.connect("counter", id)) {
                JsonNode snapshot = b.awaitType("snapshot");
                assertEquals(revision, snapshot.get("rev").asLong(), "the revision survives");
                assertEquals(before.toString(), snapshot.get("state").toString(), "the state after a restart is the state before it");
                b.awaitAnswer(b.call("increment", 1)); // and it goes on from there
                assertEquals(before.get("count").asLong() + 1,
                        again.bean(LiveObjects.class).read("counter", id).get().state().get("count").asLong());
            }
        }
    }

    @Test
    void aClientResumesAfterARestartWithExactlyTheMissedPatches() throws Exception {
        Path data = Files.createTempDirectory("tandem-log");
        String id = TestServer.uniqueId("resume");
        long rev;
        String epoch;
        String session;
        try (TestServer server = TestServer.start(data, KEEP)) {
            session = server.session();
            try (TestSocket a = server.connect("counter", id, "session=" + session)) {
                a.awaitAnswer(a.call("increment", 1));
                JsonNode answer = a.awaitAnswer(a.call("increment", 1));
                rev = answer.get("rev").asLong();
                epoch = a.awaitType("snapshot").get("epoch").asText();
            }
            try (TestSocket other = server.connect("counter", id)) {
                other.awaitType("snapshot");
                for (int i = 0; i < 9; i++) { // across a snapshot (every 7)
                    other.awaitAnswer(other.call("append", i));
                }
            }
        }
        try (TestServer again = TestServer.start(data, KEEP)) {
            try (TestSocket back = again.connect("counter", id, "session=" + session + "&rev=" + rev + "&epoch=" + epoch)) {
                JsonNode resumed = back.awaitType("resumed");
                assertEquals(rev + 9, resumed.get("rev").asLong());
                assertEquals(epoch, resumed.get("epoch").asText(), "the epoch survives the restart");
                List<JsonNode> missed = back.seen().stream().filter(TestSocket::isPatch).toList();
                List<Long> revs = new ArrayList<>();
                List<Integer> appended = new ArrayList<>();
                for (JsonNode p : missed) {
                    revs.add(p.get("rev").asLong());
                    appended.add(p.at("/ops/0/value").asInt());
                }
                assertEquals(List.of(rev + 1, rev + 2, rev + 3, rev + 4, rev + 5, rev + 6, rev + 7, rev + 8, rev + 9), revs,
                        "exactly the missed patches, in order");
                assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), appended, "with what each turn changed");
                assertFalse(back.seen().stream().anyMatch(m -> "snapshot".equals(m.path("type").asText())));
                assertEquals(rev + 10, back.awaitAnswer(back.call("increment", 1)).get("rev").asLong(),
                        "live turns follow on");
            }
            try (TestSocket lost = again.connect("counter", id, "rev=" + rev + "&epoch=other")) {
                assertEquals(rev + 10, lost.awaitType("snapshot").get("rev").asLong(), "another history: a snapshot");
            }
        }
    }

    @Test
    void typesWhoseClientsSeeOtherThanTheStoredStateGetASnapshotAfterARestart() throws Exception {
        Path data = Files.createTempDirectory("tandem-log");
        String room = TestServer.uniqueId("room");
        String club = TestServer.uniqueId("club");
        JsonNode roomSeen;
        String roomEpoch;
        JsonNode clubOld;
        JsonNode clubNow;
        String session;
        try (TestServer server = TestServer.start(data, SMALL)) {
            session = server.session();
            try (TestSocket a = server.connect("room", room)) {
                roomEpoch = a.awaitType("snapshot").get("epoch").asText();
                a.awaitAnswer(a.call("say", "hi"));
                roomSeen = a.awaitAnswer(a.call("move", 1.0, 2.0)); // a field kept out of storage
            }
            try (TestSocket c = server.connect("club", club, "session=" + session)) {
                clubOld = c.awaitType("snapshot");
                clubNow = c.awaitAnswer(c.call("join"));
            }
        }
        try (TestServer again = TestServer.start(data, SMALL)) {
            // The cursors the room's client saw are gone after the restart: it may not resume, not
            // even from the stored revision, so its epoch changes with each activation.
            try (TestSocket same = again.connect("room", room, "rev=" + roomSeen.get("rev").asLong() + "&epoch="
                    + roomEpoch)) {
                JsonNode snapshot = same.awaitType("snapshot");
                assertNotEquals(roomEpoch, snapshot.get("epoch").asText());
                assertEquals("{}", snapshot.at("/state/cursors").toString(), "fields kept out of storage start over");
                assertTrue(snapshot.at("/state/messages").toString().contains("hi"), "stored fields load: " + snapshot);
            }
            long old = clubOld.get("rev").asLong();
            String clubEpoch = clubOld.get("epoch").asText();
            try (TestSocket behind = again.connect("club", club, "session=" + session + "&rev=" + old + "&epoch=" + clubEpoch)) {
                JsonNode snapshot = behind.awaitType("snapshot");
                assertEquals(clubEpoch, snapshot.get("epoch").asText(), "every field is stored: the history goes on");
                assertFalse(snapshot.toString().contains("hunter2"), "server-only fields never leave: " + snapshot);
                assertTrue(behind.seen().stream().noneMatch(TestSocket::isPatch),
                        "patches of the stored state would carry server-only fields: a snapshot instead");
            }
            try (TestSocket current = again.connect("club", club, "session=" + session + "&rev="
                    + clubNow.get("rev").asLong() + "&epoch=" + clubEpoch)) {
                assertEquals(clubNow.get("rev").asLong(), current.awaitType("resumed").get("rev").asLong(),
                        "a client that missed nothing resumes");
            }
        }
    }

    @Test
    void aGapInTheLogRefusesToLoadTheInstanceWithAClearError() throws Exception {
        Path data = Files.createTempDirectory("tandem-log");
        String id = TestServer.uniqueId("gap");
        try (TestServer server = TestServer.start(data, Map.of()); TestSocket a = server.connect("counter", id)) {
            a.awaitType("snapshot");
            for (int i = 0; i < 5; i++) {
                a.awaitAnswer(a.call("increment", 1));
            }
        }
        try (TestServer again = TestServer.start(data, Map.of())) {
            long[] stored = row(again, "counter", id);
            assertEquals(1, sql(again, "DELETE FROM tandem_patch WHERE object_type = 'counter' AND object_id = ?"
                    + " AND revision = " + (stored[1] + 2), id), "a row in the middle of the log is lost");
            try (TestSocket b = again.connect("counter", id)) {
                JsonNode error = b.awaitType("error");
                assertEquals("unavailable", error.get("code").asText());
                assertTrue(error.get("message").asText().contains("could not be loaded: its patch log has a gap: after"
                        + " revision " + (stored[1] + 1) + " the next stored patch applies to revision "
                        + (stored[1] + 2)), error.toString());
            }
            assertEquals(stored[0], row(again, "counter", id)[0], "nothing was written over it");
        }
    }

    @Test
    void aRowWrittenBeforeTheLogExistedLoadsAndGoesOnWithTheLog() throws Exception {
        Path data = Files.createTempDirectory("tandem-log");
        String id = TestServer.uniqueId("old");
        String epoch;
        try (TestServer server = TestServer.start(data, Map.of())) {
            assertEquals(1, sql(server, "INSERT INTO tandem_instance (object_type, object_id, revision, state, created_at,"
                    + " updated_at) VALUES ('counter', ?, 7, '{\"count\": 9, \"log\": [], \"blob\": \"\"}',"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", id));
            try (TestSocket a = server.connect("counter", id)) {
                JsonNode snapshot = a.awaitType("snapshot");
                assertEquals(7, snapshot.get("rev").asLong());
                epoch = snapshot.get("epoch").asText();
                for (int i = 0; i < 3; i++) {
                    a.awaitAnswer(a.call("increment", 1));
                }
            }
            long[] stored = row(server, "counter", id);
            assertEquals(10, stored[0]);
            assertEquals(7, stored[1], "the old row's state became the snapshot at its revision");
            assertEquals(3, stored[2], "and the turns after it were logged");
        }
        try (TestServer again = TestServer.start(data, Map.of()); TestSocket b = again.connect("counter", id,
                "rev=8&epoch=" + epoch)) {
            JsonNode resumed = b.awaitType("resumed");
            assertEquals(10, resumed.get("rev").asLong(), "the history started with the upgrade goes on: " + resumed);
            assertEquals(List.of(9L, 10L), b.seen().stream().filter(TestSocket::isPatch).map(p -> p.get("rev").asLong())
                    .toList());
            assertEquals(12, again.bean(LiveObjects.class).read("counter", id).get().state().get("count").asLong());
        }
    }

    @Test
    void aFieldTheClassGainedIsStoredWholeBeforeItsPatchesAreLogged() throws Exception {
        Path data = Files.createTempDirectory("tandem-log");
        String id = TestServer.uniqueId("gained");
        try (TestServer server = TestServer.start(data, Map.of())) {
            // stored before Counter had its blob field: the state has no "blob" member
            assertEquals(1, sql(server, "INSERT INTO tandem_instance (object_type, object_id, revision, state,"
                    + " snapshot_revision, history, created_at, updated_at) VALUES ('counter', ?, 4,"
                    + " '{\"count\": 2, \"log\": []}', 4, 'h-old', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", id));
            try (TestSocket a = server.connect("counter", id)) {
                a.awaitType("snapshot");
                a.awaitAnswer(a.call("blob", 1, "z")); // a patch that replaces /blob
                a.awaitAnswer(a.call("increment", 1));
            }
            long[] stored = row(server, "counter", id);
            assertEquals(6, stored[0]);
            assertEquals(5, stored[1], "the first write after loading stored the whole state, blob included");
        }
        for (int restart = 0; restart < 2; restart++) {
            try (TestServer again = TestServer.start(data, Map.of()); TestSocket b = again.connect("counter", id)) {
                JsonNode state = b.awaitType("snapshot").get("state");
                assertEquals(3 + restart, state.get("count").asLong(), "loads after restart " + (restart + 1) + ": " + state);
                assertEquals(1024, state.get("blob").asText().length());
                b.awaitAnswer(b.call("increment", 1));
            }
        }
    }

    @Test
    void aTurnOnALargeStateWritesAboutItsPatchNotTheState() throws Exception {
        try (TestServer server = TestServer.start(Map.of()); TestSocket a = server.connect("counter",
                TestServer.uniqueId("big"))) {
            a.awaitType("snapshot");
            a.awaitAnswer(a.call("blob", 256, "0123456789abcdef")); // a 256 kB state
            io.micrometer.core.instrument.Counter written = server.bean(io.micrometer.core.instrument.MeterRegistry.class)
                    .get("tandem.storage.written").counter();
            double before = written.count();
            int turns = 50;
            for (int i = 0; i < turns; i++) {
                a.awaitAnswer(a.call("increment", 1));
            }
            double perTurn = (written.count() - before) / turns;
            assertTrue(perTurn < 100, "a turn that changes one number writes its patch (about 50 characters), not the"
                    + " 256 kB state: " + perTurn + " per turn");
        }
    }
}
