package dev.tandem.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hazelcast's topics don't resend: when a server notices it missed batches from another (their
 * numbers jump), its connections joined there join again by resume, on the same socket, and go on
 * without a gap.
 */
class ClusterResetTest {

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aServerThatMissedBatchesJoinsItsConnectionsThereAgainByResume() throws Exception {
        Path data = Files.createTempDirectory("tandem-reset");
        int pa = freePort();
        int pb = freePort();
        String members = "127.0.0.1:" + pa + ",127.0.0.1:" + pb;
        try (TestServer a = TestServer.start(data, Map.of("tandem.cluster.enabled", true, "tandem.cluster.port", pa,
                "tandem.cluster.members", members, "tandem.cluster.quorum", 1));
                TestServer b = TestServer.start(data, Map.of("tandem.cluster.enabled", true, "tandem.cluster.port", pb,
                        "tandem.cluster.members", members, "tandem.cluster.quorum", 1))) {
            Cluster onA = a.bean(Host.class).cluster();
            Cluster onB = b.bean(Host.class).cluster();
            Await.until(() -> onA.status(null).get("members") instanceof java.util.List<?> l && l.size() == 2,
                    "the two servers see each other");
            String id = null;
            for (int i = 0; id == null; i++) { // an instance that B owns, for a client of A
                String candidate = TestServer.uniqueId("reset" + i);
                if (onB.local().equals(onA.owner(new InstanceKey("counter", candidate)))) {
                    id = candidate;
                }
            }
            TestSocket client = a.connect("counter", id);
            client.awaitType("snapshot");
            assertEquals("result", client.awaitAnswer(client.call("append", 1)).get("type").asText());

            ClusterWire.Out lost = new ClusterWire.Out().number(1_000_000); // as if many batches went missing
            onA.received(onB.local(), lost.toByteArray());

            JsonNode resumed = client.awaitType("resumed");
            JsonNode answer = client.awaitAnswer(client.call("append", 2));
            assertEquals("result", answer.get("type").asText(), answer.toString());
            assertEquals(resumed.get("rev").asLong() + 1, answer.get("rev").asLong(),
                    "the client goes on from where it was, with no gap");
            assertFalse(client.isClosed(), "the client never reconnected");
        }
    }
}
