package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.ClusterNodes;
import dev.tandem.runtime.support.StreamClient;
import dev.tandem.runtime.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Faults other than a clean kill, with three server processes on the local PostgreSQL: a paused
 * owner that comes back (a zombie), a timer due while its owner is killed, a server joining under
 * load. In each: nothing acknowledged is lost, nothing runs twice, no revision has two contents.
 */
class ClusterFaultsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Streams calls from several clients until stopped. */
    private static final class Load implements AutoCloseable {
        final List<StreamClient> clients = new ArrayList<>();
        final Map<StreamClient, String> ids = new HashMap<>();
        private final AtomicBoolean sending = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        void add(StreamClient client, String id) {
            int base = (clients.size() + 1) * 1_000_000;
            clients.add(client);
            ids.put(client, id);
            Thread t = new Thread(() -> {
                try {
                    for (int i = 1; i <= 100_000 && sending.get(); i++) {
                        if (!client.call(i, base + i)) {
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }

        int acks() {
            return clients.stream().mapToInt(c -> c.acks().size()).sum();
        }

        void awaitMore(int more) {
            int target = acks() + more;
            Await.until(() -> acks() >= target, target + " calls acknowledged");
        }

        void stop() throws InterruptedException {
            sending.set(false);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }

        /** Every acknowledged call is stored once, nothing is stored twice, each revision has one content. */
        void check(ClusterNodes nodes, int via) {
            Map<String, Map<Long, String>> revisions = new HashMap<>();
            for (StreamClient c : clients) {
                assertEquals(List.of(), new ArrayList<>(c.conflicts()));
                Map<Long, String> seen = revisions.computeIfAbsent(ids.get(c), k -> new HashMap<>());
                c.revisions().forEach((rev, ops) -> {
                    String other = seen.putIfAbsent(rev, ops);
                    assertTrue(other == null || other.equals(ops), ids.get(c) + " revision " + rev
                            + " was sent with two contents: " + other + " / " + ops);
                });
            }
            for (String id : new java.util.HashSet<>(ids.values())) {
                JsonNode stored = ClusterNodes.get(nodes.node(via).port(), "/tandem/objects/counter/" + id);
                Map<Integer, Integer> times = new HashMap<>();
                stored.path("state").path("log").forEach(v -> times.merge(v.asInt(), 1, Integer::sum));
                times.forEach((value, n) -> assertEquals(1, n, id + ": value " + value + " is stored once"));
                for (StreamClient c : clients) {
                    if (ids.get(c).equals(id)) {
                        c.acks().values().forEach(ack -> assertEquals(1, times.getOrDefault(ack.value(), 0),
                                id + ": acknowledged value " + ack.value() + " (revision " + ack.revision()
                                        + ") is stored"));
                    }
                }
            }
        }

        @Override
        public void close() {
            sending.set(false);
            clients.forEach(StreamClient::close);
        }
    }

    @Test
    void aPausedOwnerThatComesBackCanNotWriteAndStepsDown() throws Exception {
        assumeTrue(TestServer.postgres(), "three processes share one database: run with -Ptandem-postgres");
        try (ClusterNodes nodes = new ClusterNodes(3, Map.of()); Load load = new Load()) {
            nodes.awaitMembers(3, 0, 1, 2);
            String id = TestServer.uniqueId("zombie");
            int owner = nodes.owner(0, "counter", id);
            int a = (owner + 1) % 3;
            int b = (owner + 2) % 3;
            load.add(StreamClient.open(nodes.node(a).wsUrl("counter", id), 4), id);
            load.add(StreamClient.open(nodes.node(b).wsUrl("counter", id), 4), id);
            StreamClient onZombie = StreamClient.open(nodes.node(owner).wsUrl("counter", id), 4);
            load.add(onZombie, id);
            load.awaitMore(150);

            nodes.signal(owner, "STOP");
            try {
                pauseAndResume(nodes, load, id, owner, a, b, onZombie);
            } catch (AssertionError e) {
                System.out.println(nodes.tails(40));
                throw e;
            }
        }
    }

    private static void pauseAndResume(ClusterNodes nodes, Load load, String id, int owner, int a, int b,
            StreamClient onZombie) throws Exception {
        {
            long stoppedAt = System.nanoTime();
            Await.until(() -> nodes.owner(a, "counter", id) == b || nodes.owner(a, "counter", id) == a,
                    "the others take the instance over");
            int before = load.clients.get(0).acks().size() + load.clients.get(1).acks().size();
            Await.until(() -> load.clients.get(0).acks().size() + load.clients.get(1).acks().size() >= before + 100,
                    "calls go on through the other servers");
            long left = Duration.ofSeconds(15).toNanos() - (System.nanoTime() - stoppedAt);
            Thread.sleep(Math.max(0, left / 1_000_000)); // the pause the issue prescribes: 15 s in all
            nodes.signal(owner, "CONT");

            // the zombie runs what it had queued; its writes are refused and it steps down
            Await.until(() -> nodes.node(owner).output().contains("another server took over")
                    || nodes.node(owner).output().contains("moved to another server")
                    || onZombie.isClosed(), "the resumed server notices it no longer owns " + id);
            load.awaitMore(100);
            load.stop();
            for (int i = 0; i < 2; i++) {
                assertTrue(load.clients.get(i).drain(Duration.ofSeconds(30)), "calls through the others are answered");
                assertFalse(load.clients.get(i).isClosed(), "clients of the servers that ran on never reconnect");
            }
            onZombie.drain(Duration.ofSeconds(30));
            load.check(nodes, a);
            long refused = nodes.node(owner).output().lines().filter(l -> l.contains("another server took over")).count();
            System.out.println("zombie: " + refused + " refused write(s) logged; zombie's client "
                    + (onZombie.isClosed() ? "was closed and would reconnect" : "went on") + "; "
                    + onZombie.acks().size() + " of its calls acknowledged, all stored");
        }
    }

    @Test
    void aTimerDueWhileItsOwnerIsKilledFiresOnceOnTheNewOwner() throws Exception {
        assumeTrue(TestServer.postgres(), "three processes share one database: run with -Ptandem-postgres");
        try (ClusterNodes nodes = new ClusterNodes(3, Map.of())) {
            nodes.awaitMembers(3, 0, 1, 2);
            String id = TestServer.uniqueId("alarm");
            int owner = nodes.owner(0, "alarm", id);
            int other = (owner + 1) % 3;
            JsonNode set = post(nodes.node(other).port(), "/tandem/objects/alarm/" + id + "/actions/set", "[1500]");
            assertTrue(set.has("rev"), set.toString());
            nodes.node(owner).kill();
            Await.until(() -> ClusterNodes.get(nodes.node(other).port(), "/tandem/objects/alarm/" + id)
                    .path("state").path("rings").asInt() >= 1, "the alarm rings on the new owner");
            JsonNode due = post(nodes.node(other).port(), "/tandem/objects/alarm/" + id + "/actions/due", "[]");
            assertEquals("none", due.path("value").asText(), "nothing is left to fire: " + due);
            JsonNode state = ClusterNodes.get(nodes.node(other).port(), "/tandem/objects/alarm/" + id);
            assertEquals(1, state.path("state").path("rings").asInt(), "it rang once: " + state);
        }
    }

    @Test
    void aServerJoiningUnderLoadTakesInstancesOverWithNothingLostOrDuplicated() throws Exception {
        assumeTrue(TestServer.postgres(), "three processes share one database: run with -Ptandem-postgres");
        try (ClusterNodes nodes = new ClusterNodes(3, 2, Map.of()); Load load = new Load()) {
            nodes.awaitMembers(2, 0, 1);
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                String id = TestServer.uniqueId("join");
                ids.add(id);
                load.add(StreamClient.open(nodes.node(k % 2).wsUrl("counter", id), 2), id);
            }
            load.awaitMore(300);
            nodes.start(2);
            nodes.awaitMembers(3, 0, 1, 2);
            Await.until(() -> ids.stream().anyMatch(id -> nodes.owner(0, "counter", id) == 2),
                    "the new server owns some of the instances");
            load.awaitMore(300);
            load.stop();
            for (StreamClient c : load.clients) {
                assertTrue(c.drain(Duration.ofSeconds(30)), "every call is answered");
                assertFalse(c.isClosed(), "clients never reconnect: their servers stayed");
            }
            load.check(nodes, 2);
            long moved = ids.stream().filter(id -> nodes.owner(0, "counter", id) == 2).count();
            System.out.println("join: " + moved + " of 12 instances moved to the new server; " + load.acks()
                    + " calls acknowledged");
        }
    }

    private static JsonNode post(int port, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }
}
