package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tandem.runtime.support.TestServer;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * Which database the suite really ran on: H2 by default, and with {@code -Ptandem-postgres} the
 * PostgreSQL on 127.0.0.1:5432, where a stored turn is visible to a plain JDBC connection.
 */
class DatabaseTest {

    @Test
    void theServerTalksToTheDatabaseTheBuildAskedFor() throws Exception {
        try (TestServer server = TestServer.start()) {
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = server.bean(TransactionOperations.class);
            String product = tx.executeRead(s -> s.getConnection().getMetaData().getDatabaseProductName());
            assertEquals(TestServer.postgres() ? "PostgreSQL" : "H2", product);
        }
    }

    @Test
    void underThePostgresProfileAStoredTurnIsARowInPostgres() throws Exception {
        assumeTrue(TestServer.postgres(), "runs with -Ptandem-postgres");
        String id = TestServer.uniqueId("pg");
        try (TestServer server = TestServer.start()) {
            assertEquals(200, server.post("/tandem/objects/counter/" + id + "/actions/increment", "[42]").status());
        }
        String url = System.getProperty("tandem.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        assertTrue(url.startsWith("jdbc:postgresql://127.0.0.1:5432/"), url);
        try (Connection c = DriverManager.getConnection(url, System.getProperty("tandem.test.postgres.user", "postgres"), "");
                PreparedStatement ps = c.prepareStatement("SELECT state FROM tandem_instance WHERE object_type = 'counter'"
                        + " AND object_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the row is in PostgreSQL");
                assertTrue(rs.getString(1).replace(" ", "").contains("\"count\":42"), rs.getString(1));
            }
        }
    }
}
