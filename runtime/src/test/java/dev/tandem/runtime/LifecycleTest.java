package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.internal.ClientConnection;
import dev.tandem.runtime.internal.Host;
import dev.tandem.runtime.internal.InstanceKey;
import dev.tandem.runtime.internal.Sink;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.GatedStore;
import dev.tandem.runtime.support.ManualTime;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Instances leave memory when idle, come back from storage, and survive a restart; timers too. */
class LifecycleTest {

    private static final Map<String, Object> FAST_PASSIVATION = Map.of(
            "tandem.passivation.idle-time", "300ms",
            "tandem.passivation.sweep-interval", "100ms");

    @Test
    void anIdleInstanceLeavesMemoryAndComesBackFromStorage() throws Exception {
        try (TestServer server = TestServer.start(FAST_PASSIVATION)) {
            Host host = server.bean(Host.class);
            String id = TestServer.uniqueId("idle");
            try (TestSocket a = server.connect("greeter", id)) {
                a.awaitType("snapshot");
                a.awaitAnswer(a.call("greet", "x"));
                Thread.sleep(600);
                assertEquals(1, host.activeInstances(), "a connected instance stays in memory");
            }
            Await.until(() -> host.activeInstances() == 0, "the idle instance leaves memory");
            try (TestSocket b = server.connect("greeter", id)) {
                JsonNode snap = b.awaitType("snapshot");
                assertEquals(1, snap.at("/state/created").asInt(), "@OnCreate ran once: the instance came back from storage");
                assertEquals(1, host.activeInstances());
            }
        }
    }

    @Test
    void aCapOnActiveInstancesPassivatesTheLeastRecentlyUsed() throws Exception {
        try (TestServer server = TestServer.start(Map.of("tandem.passivation.max-active-instances", "10",
                "tandem.passivation.idle-time", "1h", "tandem.test.gated-store", "true"))) {
            Host host = server.bean(Host.class);
            LiveObjects objects = server.bean(LiveObjects.class);
            GatedStore store = server.bean(GatedStore.class);
            String prefix = TestServer.uniqueId("cap");
            for (int i = 0; i < 10; i++) {
                increment(objects, prefix + "-" + i, i + 1);
            }
            objects.read("counter", prefix + "-0").get(); // used again: now the most recently used
            increment(objects, prefix + "-10", 11); // over the cap: the 8 least recently used idle instances leave
            Await.until(() -> host.activeInstances() == 3, "least recently used instances leave memory");
            int loads = store.loads.size();
            for (int i : new int[] {0, 9, 10}) {
                assertEquals(i + 1, objects.read("counter", prefix + "-" + i).get().state().get("count").asLong());
            }
            assertEquals(loads, store.loads.size(), "the most recently used instances stayed: " + store.loads);
            for (int i = 1; i <= 8; i++) {
                assertEquals(i + 1, objects.read("counter", prefix + "-" + i).get().state().get("count").asLong(),
                        "every instance keeps its state");
                assertEquals("counter/" + prefix + "-" + i, store.loads.get(store.loads.size() - 1),
                        "instance " + i + " had left memory, so it was loaded again");
            }
        }
    }

    private static void increment(LiveObjects objects, String id, int by) throws Exception {
        objects.call("counter", id, "increment", dev.tandem.runtime.internal.Frames.JSON.createArrayNode().add(by),
                LiveObjects.system("t")).get();
    }

    @Test
    void aLeaveLagOrResyncForAnInstanceNotInMemoryDoesNotLoadIt() throws Exception {
        try (TestServer server = TestServer.start(FAST_PASSIVATION)) {
            Host host = server.bean(Host.class);
            String id = TestServer.uniqueId("gone");
            server.bean(LiveObjects.class).read("counter", id).get();
            Await.until(() -> host.activeInstances() == 0, "the idle instance leaves memory");
            ClientConnection gone = new ClientConnection("c-gone", "u", false, Map.of(), null, new Sink() {
                @Override
                public void send(byte[] frame) {
                }

                @Override
                public void sendPatch(byte[] frame) {
                }

                @Override
                public void close(int code, String reason) {
                }
            });
            InstanceKey key = new InstanceKey("counter", id);
            host.leave(key, gone); // as a socket that closes after its instance was reset
            host.lagged(key, gone);
            host.resync(key, gone);
            assertEquals(0, host.activeInstances(), "none of them brought the instance back into memory");
        }
    }

    @Test
    void aStringWithALoneSurrogateComesBackAfterARestartAsClientsSawIt() {
        String id = TestServer.uniqueId("surrogate");
        String fill = "\\ud800 x\\ud83d\\ude00"; // JSON escapes: a lone high surrogate, then an emoji
        java.nio.file.Path dir;
        String shown;
        try (TestServer first = TestServer.start()) {
            dir = first.dataDir;
            try (TestSocket a = first.connect("counter", id)) {
                a.awaitType("snapshot");
                a.sendText("{\"type\":\"call\",\"id\":1,\"action\":\"blob\",\"args\":[1,\"" + fill + "\"]}");
                JsonNode result = a.awaitAnswer(1);
                shown = result.at("/ops/0/value").textValue();
                assertEquals('\ud800', shown.charAt(0), "clients are shown the lone surrogate: " + result);
            }
        }
        try (TestServer second = TestServer.start(dir, Map.of()); TestSocket b = second.connect("counter", id)) {
            assertEquals(shown, b.awaitType("snapshot").at("/state/blob").textValue(), "the state after a restart");
            assertEquals(shown, second.get("/tandem/objects/counter/" + id).body().at("/state/blob").textValue(),
                    "the state over HTTP");
        }
    }

    @Test
    void closingTheServerStopsEveryTandemThreadForGood() {
        try (TestServer server = TestServer.start(); TestSocket a = server.connect("counter", TestServer.uniqueId("close"))) {
            a.awaitType("snapshot");
            a.awaitAnswer(a.call("increment", 1));
            server.close(); // as an application's context closes; nothing may come back to life after it
        }
        Await.until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("tandem-storage") || t.getName().startsWith("tandem-timers")),
                "no storage writer or timer thread is left (a second Host, made during shutdown, would start them again)");
    }

    @Test
    void stateSurvivesARestart() {
        String id = TestServer.uniqueId("restart");
        java.nio.file.Path dir;
        long rev;
        try (TestServer first = TestServer.start()) {
            dir = first.dataDir;
            try (TestSocket a = first.connect("counter", id)) {
                a.awaitType("snapshot");
                a.awaitAnswer(a.call("increment", 41));
                rev = a.awaitAnswer(a.call("append", 7)).get("rev").asLong();
            }
        }
        try (TestServer second = TestServer.start(dir, Map.of()); TestSocket b = second.connect("counter", id)) {
            JsonNode snap = b.awaitType("snapshot");
            assertEquals(41, snap.at("/state/count").asLong());
            assertEquals("[7]", snap.at("/state/log").toString());
            assertEquals(rev, snap.get("rev").asLong(), "the revision continues where it was");
            assertEquals(42, b.awaitAnswer(b.call("increment", 1)).get("value").asLong());
        }
    }

    @Test
    void timersFireAsTurnsAndAreStored() throws Exception {
        try (TestServer server = TestServer.start(Map.of("tandem.test.manual-time", "true"))) {
            ManualTime time = server.bean(ManualTime.class);
            String id = TestServer.uniqueId("alarm");
            try (TestSocket a = server.connect("alarm", id)) {
                long rev = a.awaitType("snapshot").get("rev").asLong();
                a.awaitAnswer(a.call("set", 200));
                time.advance(Duration.ofMillis(199));
                a.expectNoMessage("the timer's turn before it is due");
                time.advance(Duration.ofMillis(1));
                JsonNode rang = a.await(m -> "patch".equals(m.path("type").asText())
                        && m.get("ops").toString().contains("\"rang\""), "the timer's turn");
                assertTrue(rang.get("rev").asLong() > rev);
                assertEquals(1, server.get("/tandem/objects/alarm/" + id).body().at("/state/rings").asInt());

                a.awaitAnswer(a.call("set", 300));
                a.awaitAnswer(a.call("cancel"));
                JsonNode failed = a.awaitAnswer(a.call("setThenFail", 100));
                assertEquals("internal", failed.get("code").asText());
                time.advance(Duration.ofSeconds(1)); // any timer due by now has posted its turn, ahead of the read
                assertEquals(1, server.get("/tandem/objects/alarm/" + id).body().at("/state/rings").asInt(),
                        "a cancelled timer, and one scheduled by a failed turn, never fire");

                JsonNode unknown = a.awaitAnswer(a.call("scheduleUnknown"));
                assertEquals("internal", unknown.get("code").asText(), "a bad timer name fails the turn");
            }
        }
    }

    @Test
    void aTimerDueWhileTheServerWasDownFiresWhenItComesBack() throws Exception {
        String id = TestServer.uniqueId("wake");
        java.nio.file.Path dir;
        try (TestServer first = TestServer.start()) {
            dir = first.dataDir;
            try (TestSocket a = first.connect("alarm", id)) {
                a.awaitType("snapshot");
                a.awaitAnswer(a.call("set", 1500));
            }
        }
        try (TestServer second = TestServer.start(dir, Map.of("tandem.test.manual-time", "true"))) {
            second.bean(ManualTime.class).advance(Duration.ofSeconds(2)); // past the due time, which passed while down
            Await.until(() -> second.get("/tandem/objects/alarm/" + id).body().at("/state/rings").asInt() == 1,
                    "the stored timer fires after the restart, without any client");
            assertEquals("rang", second.get("/tandem/objects/alarm/" + id).body().at("/state/status").asText());
        }
    }
}
