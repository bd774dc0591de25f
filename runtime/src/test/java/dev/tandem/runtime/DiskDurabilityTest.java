package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.tandem.runtime.support.SyncCountingFiles;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Durable means on disk: on the embedded H2 database, a call's result leaves the server only after
 * the database forced its commit to stable storage (counted through an H2 file system that counts
 * fsyncs); with {@code tandem.storage.durability=relaxed}, it does not wait for one.
 */
class DiskDurabilityTest {

    @BeforeAll
    static void countSyncs() {
        assumeFalse(TestServer.postgres(), "PostgreSQL's own commit waits for its WAL flush");
        SyncCountingFiles.register();
    }

    private static TestServer start(String durability) throws Exception {
        Path dir = Files.createTempDirectory("tandem-fsync");
        return TestServer.start(dir, Map.of("datasources.default.url",
                "jdbc:h2:synccount:" + dir + "/tandem;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "tandem.storage.durability", durability));
    }

    private static long forcesDuringACall(TestServer server) {
        try (TestSocket socket = server.connect("counter", TestServer.uniqueId("fsync"))) {
            socket.awaitType("snapshot");
            long before = SyncCountingFiles.FORCES.get();
            long call = socket.call("increment", 1);
            assertEquals("result", socket.awaitAnswer(call).get("type").asText());
            return SyncCountingFiles.FORCES.get() - before;
        }
    }

    @Test
    void byDefaultAResultWaitsUntilItsCommitIsOnDisk() throws Exception {
        try (TestServer server = start("disk")) {
            assertTrue(forcesDuringACall(server) >= 1, "the database forced its files before the result was sent");
        }
    }

    @Test
    void relaxedDurabilityDoesNotWaitForTheDisk() throws Exception {
        try (TestServer server = start("relaxed")) {
            assertEquals(0, forcesDuringACall(server), "no fsync between the call and its result");
        }
    }

    @Test
    void aDurabilityTypoIsRefusedAtStartNamingTheKeyAndTheAllowedValues() {
        Throwable failure = assertThrows(RuntimeException.class,
                () -> TestServer.start(Map.of("tandem.storage.durability", "disc")).close());
        String messages = "";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages += t.getMessage() + "\n";
        }
        assertTrue(messages.contains("tandem.storage.durability is 'disc'; allowed: disk"), messages);
    }
}
