package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Three servers in one JVM form a cluster on one database: a client may connect to any of them,
 * and every client of an instance sees the same revisions in the same order, whichever server owns
 * it and whichever server the client is connected to.
 */
class ClusterRoutingTest {

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static TestServer[] cluster(int n) throws Exception {
        Path data = Files.createTempDirectory("tandem-cluster");
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ports.add(freePort());
        }
        String members = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        TestServer[] servers = new TestServer[n];
        for (int i = 0; i < n; i++) {
            servers[i] = TestServer.start(data, Map.of("tandem.cluster.enabled", true, "tandem.cluster.port", ports.get(i),
                    "tandem.cluster.members", members, "tandem.cluster.quorum", 1));
        }
        return servers;
    }

    /** @return the revisions a client was sent since its snapshot, as patches or with its own answers */
    static List<Long> revisions(List<JsonNode> seen) {
        List<Long> revisions = new ArrayList<>();
        for (JsonNode m : seen) {
            if (m.has("ops") && m.has("rev")) {
                revisions.add(m.get("rev").asLong());
            }
        }
        return revisions;
    }

    @Test
    void everyClientSeesTheSameRevisionsWhicheverServerItIsConnectedTo() throws Exception {
        TestServer[] servers = cluster(3);
        try {
            for (int k = 0; k < 6; k++) { // several instances, so that some are owned by each server
                String id = TestServer.uniqueId("routed");
                List<TestSocket> sockets = new ArrayList<>();
                for (TestServer s : servers) {
                    TestSocket socket = s.connect("counter", id);
                    socket.awaitType("snapshot");
                    sockets.add(socket);
                }
                int value = 0;
                long last = 0;
                for (int round = 0; round < 3; round++) {
                    for (TestSocket socket : sockets) {
                        JsonNode answer = socket.awaitAnswer(socket.call("append", ++value));
                        assertEquals("result", answer.get("type").asText(), answer.toString());
                        last = answer.get("rev").asLong();
                    }
                }
                List<Long> expected = null;
                for (TestSocket socket : sockets) {
                    long end = last;
                    Await.until(() -> {
                        socket.drainNow();
                        return revisions(socket.seen()).contains(end);
                    }, "revision " + end + " reaches every client");
                    List<Long> revisions = revisions(socket.seen());
                    if (expected == null) {
                        expected = revisions;
                    }
                    assertEquals(expected, revisions, "every client sees the same revisions, in order");
                }
                assertEquals(9, expected.size(), "one revision per call, none twice: " + expected);
                for (TestSocket socket : sockets) {
                    socket.close();
                }
            }
        } finally {
            for (TestServer s : servers) {
                s.close();
            }
        }
    }

    @Test
    void aServerThatSeesFewerMembersThanTheQuorumRunsNothingAndSaysSo() throws Exception {
        // three members listed, one running: it never forms a majority, so it must not run instances
        String members = "127.0.0.1:" + freePort() + ",127.0.0.1:" + freePort();
        int port = freePort();
        try (TestServer alone = TestServer.start(Map.of("tandem.cluster.enabled", true, "tandem.cluster.port", port,
                "tandem.cluster.members", members + ",127.0.0.1:" + port, "tandem.cluster.failure-timeout", "2s",
                "tandem.limits.call-timeout", "1s"))) {
            String id = TestServer.uniqueId("minority");
            TestServer.Response call = alone.post("/tandem/objects/counter/" + id + "/actions/append", "[1]");
            assertEquals(503, call.status(), call.body().toString());
            assertTrue(call.body().path("message").asText().contains("no server to run on"), call.body().toString());

            TestSocket socket = alone.connect("counter", id);
            assertEquals(4503, socket.awaitClose(), "a client waiting for an owner is sent elsewhere in the end");
            assertTrue(socket.closeReason().contains("reconnect"), socket.closeReason());
            assertEquals(0, alone.bean(dev.tandem.runtime.internal.Host.class).activeInstances(),
                    "nothing ran here: " + id + " was never activated");
        }
    }

    @Test
    void aWrongClusterSettingStopsTheServerNamingTheKey() {
        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () ->
                TestServer.start(Map.of("tandem.cluster.enabled", true, "tandem.cluster.members", "127.0.0.1:5701,nope:x")));
        String all = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
            all += " " + t.getMessage();
        }
        assertTrue(all.contains("tandem.cluster.members") && all.contains("host:port"), all);
    }
}
