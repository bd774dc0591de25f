package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Versioned state over a real server and database (H2, or PostgreSQL with {@code -Ptandem-postgres}):
 * an instance stored by version 1 of the fixture {@code Ticket} (written with SQL exactly as version 1
 * wrote it: a snapshot and a patch-log row after it) loads in version 3 with a rename and three type
 * changes (the migrations from 1 and from 2 in turn), is stored migrated once; one stored by version 2
 * runs only the migration from 2; a failing migration or a newer stored version refuses the instance
 * and leaves its row as it was.
 */
class SchemaMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Version 1's row: a snapshot at revision 3, {@code schema_version} as given (NULL: before versions). */
    private static void insertV1(TestServer server, String id, String state, Integer version) {
        insert(server, id, state, version, "250");
    }

    /** A row at revision 4: a snapshot at 3 and a log row that sets the price to {@code price} (JSON). */
    private static void insert(TestServer server, String id, String state, Integer version, String price) {
        sql(server, (c) -> {
            try (var ps = c.prepareStatement("INSERT INTO tandem_instance (object_type, object_id, revision, state,"
                    + " snapshot_revision, history, timers, wake_at, created_at, updated_at, schema_version)"
                    + " VALUES ('ticket', ?, 4, ?, 3, 'h1', NULL, NULL, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, state);
                ps.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                ps.setTimestamp(4, new Timestamp(System.currentTimeMillis()));
                if (version == null) {
                    ps.setNull(5, Types.INTEGER);
                } else {
                    ps.setInt(5, version);
                }
                ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("INSERT INTO tandem_patch (object_type, object_id, revision, base_revision, ops)"
                    + " VALUES ('ticket', ?, 4, 3, ?)")) { // version 1's last turn: the price went up
                ps.setString(1, id);
                ps.setString(2, "[{\"op\":\"replace\",\"path\":\"/price\",\"value\":" + price + "}]");
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** @return revision, schema_version (0 for NULL), state, and the number of log rows */
    private static List<Object> row(TestServer server, String id) {
        return sql(server, c -> {
            try (var ps = c.prepareStatement("SELECT revision, schema_version, state,"
                    + " (SELECT COUNT(*) FROM tandem_patch p WHERE p.object_type = i.object_type AND p.object_id = i.object_id)"
                    + " FROM tandem_instance i WHERE object_type = 'ticket' AND object_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "the instance is stored");
                    return List.of(rs.getLong(1), rs.getInt(2), JSON.readTree(rs.getString(3)), rs.getLong(4));
                }
            }
        });
    }

    interface Sql<T> {
        T run(Connection c) throws Exception;
    }

    private static <T> T sql(TestServer server, Sql<T> body) {
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = server.bean(TransactionOperations.class);
        server.bean(JdbcOperations.class);
        return tx.executeWrite(s -> body.run(s.getConnection()));
    }

    private static final String V1_STATE = "{\"title\":\"Printer on fire\",\"price\":100,\"priority\":\"high\","
            + "\"notes\":[\"smoke\"]}";

    @Test
    void anInstanceStoredByVersionOneLoadsInVersionThreeAndIsStoredMigratedOnce() throws Exception {
        Path data = Files.createTempDirectory("tandem-schema");
        String id = TestServer.uniqueId("v1");
        JsonNode migrated;
        try (TestServer server = TestServer.start(data, Map.of())) {
            insertV1(server, id, V1_STATE, null);
            try (TestSocket a = server.connect("ticket", id)) {
                JsonNode snapshot = a.awaitType("snapshot");
                migrated = snapshot.get("state");
                assertEquals("Printer on fire", migrated.get("name").asText(), "renamed by @Formerly");
                assertEquals(250, migrated.at("/price/cents").asLong(), "the log replayed, then int cents became Money");
                assertEquals("EUR", migrated.at("/price/currency").asText());
                assertEquals("HIGH", migrated.get("priority").asText(), "text became the enum");
                assertEquals("[{\"text\":\"smoke\"}]", migrated.get("notes").toString(), "then strings became Notes");
                assertEquals(List.of("name", "notes", "price", "priority"), names(migrated), "no old keys left");
                assertEquals(5, snapshot.get("rev").asLong(), "the migration is a revision of its own");
            }
            List<Object> stored = row(server, id);
            assertEquals(5L, stored.get(0));
            assertEquals(3, stored.get(1), "stored at version 3");
            assertEquals(migrated, stored.get(2), "the migrated state is the stored snapshot");
            assertEquals(0L, stored.get(3), "the log of the old shape is gone");
        }
        try (TestServer again = TestServer.start(data, Map.of()); TestSocket b = again.connect("ticket", id)) {
            JsonNode snapshot = b.awaitType("snapshot");
            assertEquals(5, snapshot.get("rev").asLong(), "a second start does not migrate again");
            assertEquals(migrated, snapshot.get("state"));
            b.awaitAnswer(b.call("note", "put out")); // and it works on from there, at version 3
            List<Object> stored = row(again, id);
            assertEquals(6L, stored.get(0));
            assertEquals(3, stored.get(1));
            assertEquals("[{\"text\":\"smoke\"},{\"text\":\"put out\"}]",
                    again.bean(LiveObjects.class).read("ticket", id).get().state().get("notes").toString());
            assertEquals(1L, stored.get(3), "the turn is logged in the new shape");
        }
    }

    @Test
    void anInstanceStoredByVersionTwoRunsOnlyTheMigrationFromTwo() throws Exception {
        String id = TestServer.uniqueId("v2");
        try (TestServer server = TestServer.start(Map.of())) {
            // version 2's shape: a price the migration from 1 would refuse to read as cents, notes as strings
            insert(server, id, "{\"name\":\"Jam\",\"price\":{\"cents\":7,\"currency\":\"CHF\"},"
                    + "\"priority\":\"LOW\",\"notes\":[\"a\",\"b\"]}", 2, "{\"cents\":250,\"currency\":\"CHF\"}");
            try (TestSocket a = server.connect("ticket", id)) {
                JsonNode state = a.awaitType("snapshot").get("state");
                assertEquals("{\"name\":\"Jam\",\"price\":{\"cents\":250,\"currency\":\"CHF\"},\"priority\":\"LOW\","
                        + "\"notes\":[{\"text\":\"a\"},{\"text\":\"b\"}]}", state.toString());
            }
            assertEquals(3, row(server, id).get(1));
        }
    }

    @Test
    void aFailingMigrationRefusesTheInstanceAndLeavesItsRowUnchanged() throws Exception {
        String id = TestServer.uniqueId("refused");
        try (TestServer server = TestServer.start(Map.of())) {
            insertV1(server, id, V1_STATE.replace("{", "{\"refuse\":true,"), 1);
            List<Object> before = row(server, id);
            try (TestSocket a = server.connect("ticket", id)) {
                JsonNode error = a.awaitType("error");
                String message = error.get("message").asText();
                assertTrue(message.contains("ticket/" + id) || message.contains(id), message);
                assertTrue(message.contains("from schema version 1 to 2"), message);
                assertTrue(message.contains("this ticket asks to be refused"), message);
                a.awaitClose();
            }
            assertEquals(before, row(server, id), "nothing half-written");
        }
    }

    @Test
    void migratedStateThatDoesNotFitTheClassIsRefusedAndNotStored() throws Exception {
        String id = TestServer.uniqueId("misfit");
        try (TestServer server = TestServer.start(Map.of())) {
            insert(server, id, "{\"name\":\"Jam\",\"price\":{\"cents\":7,\"currency\":\"CHF\"},"
                    + "\"priority\":\"URGENT\",\"notes\":[]}", 2, "{\"cents\":250,\"currency\":\"CHF\"}");
            List<Object> before = row(server, id);
            try (TestSocket a = server.connect("ticket", id)) {
                String message = a.awaitType("error").get("message").asText();
                assertTrue(message.contains("migrated from schema version 2 to 3 does not fit"), message);
                assertTrue(message.contains("URGENT"), message);
                a.awaitClose();
            }
            assertEquals(before, row(server, id), "nothing half-written");
        }
    }

    @Test
    void stateStoredByANewerVersionIsRefused() throws Exception {
        String id = TestServer.uniqueId("newer");
        try (TestServer server = TestServer.start(Map.of())) {
            insert(server, id, "{\"name\":\"x\",\"price\":{\"cents\":1,\"currency\":\"EUR\"}}", 4, "1");
            List<Object> before = row(server, id);
            try (TestSocket a = server.connect("ticket", id)) {
                String message = a.awaitType("error").get("message").asText();
                assertTrue(message.contains("stored at schema version 4"), message);
                assertTrue(message.contains("is at version 3"), message);
                a.awaitClose();
            }
            assertEquals(before, row(server, id));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        return names;
    }
}
