package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.tandem.runtime.support.TestServer;
import io.micronaut.transaction.TransactionOperations;
import java.nio.file.Files;
import java.sql.Connection;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The embedded database's folder: {@code tandem.data-dir} relative to the working directory, as the default {@code data} is. */
class DataFolderTest {

    @Test
    void aRelativeDataFolderIsUnderTheWorkingDirectoryAndKeepsStateAcrossRestarts() {
        assumeFalse(TestServer.postgres(), "the data folder is the embedded H2's");
        Path relative = Path.of("target", "data-" + UUID.randomUUID().toString().substring(0, 8));
        String id = TestServer.uniqueId("here");
        try (TestServer server = TestServer.start(relative, Map.of())) {
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = server.bean(TransactionOperations.class);
            String url = tx.executeRead(status -> status.getConnection().getMetaData().getURL());
            assertTrue(url.startsWith("jdbc:h2:file:" + relative.toAbsolutePath().resolve("tandem")),
                    "H2 is given the folder under the working directory as an absolute path (it refuses an implicitly"
                    + " relative one): " + url);
            assertEquals(200, server.post("/tandem/objects/counter/" + id + "/actions/increment", "[3]").status());
        }
        assertTrue(Files.exists(relative.toAbsolutePath().resolve("tandem.mv.db")), "the database file is in ./" + relative);
        try (TestServer again = TestServer.start(relative, Map.of())) {
            assertEquals(3, again.get("/tandem/objects/counter/" + id).body().at("/state/count").asLong());
        }
    }
}
