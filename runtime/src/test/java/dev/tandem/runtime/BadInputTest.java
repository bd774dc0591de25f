package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.RawWebSocket;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input is answered, never fatal: the connection, the instance and every other client carry on. */
class BadInputTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(
                "tandem.limits.max-message-size", "1024",
                "tandem.limits.calls-per-second", "20",
                "tandem.limits.call-burst", "40",
                "tandem.limits.max-connections-per-instance", "3",
                "tandem.limits.call-timeout", "300ms"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertStillServing(TestSocket s) {
        JsonNode answer = s.awaitAnswer(s.call("get"));
        assertEquals("result", answer.get("type").asText(), "the connection carries on");
    }

    @Test
    void malformedMessagesGetAClearErrorAndTheConnectionCarriesOn() {
        try (TestSocket a = server.connect("counter", TestServer.uniqueId("bad"))) {
            a.awaitType("snapshot");
            a.sendText("{not json");
            JsonNode error = a.awaitType("error");
            assertEquals("bad_request", error.get("code").asText());
            assertTrue(error.get("message").asText().startsWith("a message must be JSON"), error.toString());

            a.sendText("[1, 2]");
            assertTrue(a.awaitType("error").get("message").asText().contains("JSON object with a \"type\""));
            a.sendText("{\"type\": \"subscribe\"}");
            assertEquals("unknown message type \"subscribe\"; a message's \"type\" is \"call\" or \"ping\"",
                    a.awaitType("error").get("message").asText());
            a.sendText("{\"type\": \"call\", \"action\": \"get\"}");
            assertTrue(a.awaitType("error").get("message").asText().startsWith("a call needs an \"id\""));
            a.sendText("{\"type\": \"call\", \"id\": 99, \"args\": []}");
            JsonNode noAction = a.awaitAnswer(99);
            assertEquals("a call needs an \"action\": the name of the action to call", noAction.get("message").asText());
            a.sendText("{\"type\": \"ping\"}");
            a.awaitType("pong");
            a.sendBinary(new byte[] {1, 2, 3});
            assertEquals("binary frames are not part of the protocol; send JSON as text frames",
                    a.awaitType("error").get("message").asText());
            assertStillServing(a);
        }
    }

    @Test
    void anInstanceThatCannotBeCreatedIsReportedToTheClientAtOnce() {
        long start = System.nanoTime();
        try (TestSocket a = server.connect("unwired", TestServer.uniqueId("unwired"))) {
            JsonNode error = a.awaitType("error");
            assertEquals("unavailable", error.get("code").asText());
            String message = error.get("message").asText();
            assertTrue(message.contains("Unwired$Mailer") && message.contains("defines no such bean"), message);
            assertFalse(message.contains("\tat ") || message.contains("Exception"), "no stack trace or exception names: " + message);
            assertEquals(4503, a.awaitClose());
        }
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(5), "answered at once");
        TestServer.Response http = server.post("/tandem/objects/unwired/" + TestServer.uniqueId("unwired")
                + "/actions/mail", "[\"ada@example.com\"]");
        assertEquals(503, http.status());
        assertEquals("unavailable", http.body().get("code").asText());
    }

    @Test
    void fragmentedMessagesAreAssembled() {
        try (TestSocket a = server.connect("counter", TestServer.uniqueId("frag"))) {
            a.awaitType("snapshot");
            a.sendFragments("{\"type\":\"call\",", "\"id\":5,\"action\":\"incr", "ement\",\"args\":[3]}");
            assertEquals(3, a.awaitAnswer(5).get("value").asLong());
        }
    }

    @Test
    void anOversizedMessageIsRefusedWithoutClosingTheConnection() {
        try (TestSocket a = server.connect("counter", TestServer.uniqueId("big"))) {
            a.awaitType("snapshot");
            String big = "{\"type\":\"call\",\"id\":1,\"action\":\"append\",\"args\":[\"" + "x".repeat(2000) + "\"]}";
            a.sendText(big);
            JsonNode error = a.awaitType("error");
            assertEquals("too_large", error.get("code").asText());
            assertTrue(error.get("message").asText().contains("over the limit of 1024 (tandem.limits.max-message-size)"));
            a.sendFragments("{\"type\":\"call\",\"id\":2,", "\"args\":[\"" + "y".repeat(1500), "\"]}");
            assertEquals("too_large", a.awaitType("error").get("code").asText(), "fragments count together");
            assertStillServing(a);
        }
    }

    @Test
    void aFrameOverTheHardLimitClosesWithMessageTooBig() throws Exception {
        try (RawWebSocket raw = RawWebSocket.open(server.server.getPort(), "/tandem/ws/counter/"
                + TestServer.uniqueId("huge"))) {
            raw.sendTextFrame(new byte[TandemConfiguration.Limits.HARD_MAX_MESSAGE_SIZE + 10]);
            assertEquals(1009, raw.awaitCloseCode(), "one frame over 1 MiB: closed with 1009 (message too big)");
        }
    }

    @Test
    void unknownTypesAndBadIdsAreRefusedWithACloseCode() {
        try (TestSocket a = server.connect("chess", "game-1")) {
            JsonNode error = a.awaitType("error");
            assertEquals("not_found", error.get("code").asText());
            assertEquals("no live-object type 'chess'; types: alarm, auction, card-table, club, counter, flaky, greeter, guestbook, invoice, lobby, misstarted, order, payout, room, shelf, sneaky-view, ticket, toggle, unwired, vault", error.get("message").asText());
            assertEquals(4404, a.awaitClose());
        }
        try (TestSocket b = server.connect("counter", "has%20space")) {
            assertTrue(b.awaitType("error").get("message").asText().startsWith("an instance ID is 1 to 200 letters"));
            assertEquals(4400, b.awaitClose());
        }
        try (TestSocket c = server.connect("counter", "ok", "name=" + "n".repeat(300))) {
            assertTrue(c.awaitType("error").get("message").asText().contains("tandem.limits.max-attribute-length"));
            assertEquals(4400, c.awaitClose());
        }
    }

    @Test
    void aFloodIsRateLimitedAndOthersAreUnaffected() {
        String id = TestServer.uniqueId("flood");
        try (TestSocket flooder = server.connect("counter", id); TestSocket calm = server.connect("counter", id)) {
            flooder.awaitType("snapshot");
            calm.awaitType("snapshot");
            List<Long> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(flooder.call("increment", 1));
            }
            int limited = 0;
            long ran = 0;
            for (long call : calls) {
                JsonNode answer = flooder.awaitAnswer(call);
                if ("rate_limited".equals(answer.path("code").asText())) {
                    limited++;
                } else {
                    ran = Math.max(ran, answer.get("value").asLong());
                }
            }
            assertTrue(limited > 100, "most of the burst was refused: " + limited);
            assertEquals(200 - limited, ran, "refused calls did not run");
            JsonNode answer = calm.awaitAnswer(calm.call("increment", 1));
            assertEquals(ran + 1, answer.get("value").asLong(), "the other client's call runs normally");
        }
    }

    @Test
    void tooManyConnectionsToOneInstanceAreRefused() {
        String id = TestServer.uniqueId("full");
        try (TestSocket a = server.connect("counter", id); TestSocket b = server.connect("counter", id);
                TestSocket c = server.connect("counter", id)) {
            a.awaitType("snapshot");
            b.awaitType("snapshot");
            c.awaitType("snapshot");
            try (TestSocket d = server.connect("counter", id)) {
                assertTrue(d.awaitType("error").get("message").asText().contains("tandem.limits.max-connections-per-instance"));
                assertEquals(4429, d.awaitClose());
            }
            assertStillServing(a);
        }
    }

    @Test
    void aCallThatWaitedTooLongForItsTurnTimesOutWithoutRunning() {
        String id = TestServer.uniqueId("slow");
        try (TestSocket a = server.connect("counter", id)) {
            a.awaitType("snapshot");
            long slow = a.call("sleep", 800);
            long late = a.call("increment", 1);
            assertEquals("result", a.awaitAnswer(slow).get("type").asText());
            JsonNode timeout = a.awaitAnswer(late);
            assertEquals("timeout", timeout.get("code").asText());
            assertTrue(timeout.get("message").asText().contains("tandem.limits.call-timeout"));
            assertEquals(0, a.awaitAnswer(a.call("get")).get("value").asLong(), "the timed-out call did not run");
        }
    }

    @Test
    void aClientThatStopsReadingDoesNotHoldUpOthersAndCatchesUpWithASnapshot() throws Exception {
        try (TestServer small = TestServer.start(Map.of("tandem.limits.max-send-queue", "262144",
                "tandem.limits.calls-per-second", "100000", "tandem.limits.call-burst", "100000"))) {
            String id = TestServer.uniqueId("slowreader");
            try (TestSocket slow = small.connect("counter", id); TestSocket writer = small.connect("counter", id)) {
                slow.awaitType("snapshot");
                writer.awaitType("snapshot");
                slow.stopReading();
                int calls = 400; // 400 patches of 100 KiB: far more than socket buffers hold
                long last = 0;
                for (int i = 0; i < calls; i++) {
                    last = writer.call("blob", 100, Integer.toString(i % 10));
                    if (i % 50 == 49 && i < calls - 1) {
                        assertEquals("result", writer.awaitAnswer(last).get("type").asText());
                    }
                }
                JsonNode done = writer.awaitAnswer(last);
                assertEquals("result", done.get("type").asText(), "the writer is not held up by the slow reader");
                long finalRev = done.get("rev").asLong();

                slow.resumeReading();
                JsonNode resync = slow.await(m -> "snapshot".equals(m.path("type").asText())
                        && m.get("rev").asLong() >= finalRev, "a fresh snapshot after catching up");
                assertTrue(resync.at("/state/blob").asText().startsWith("9"), "the snapshot has the latest state");
                List<JsonNode> before = slow.seen().subList(0, slow.seen().indexOf(resync) + 1);
                long patches = before.stream().filter(m -> "patch".equals(m.path("type").asText())).count();
                assertTrue(patches < calls, "patches were dropped while it did not read, not queued without"
                        + " bound: got " + patches + " of " + calls);
                long rev = -1;
                for (JsonNode m : before) {
                    if ("snapshot".equals(m.path("type").asText())) {
                        rev = m.get("rev").asLong(); // a fresh start, possibly more than once
                    } else if ("patch".equals(m.path("type").asText())) {
                        assertEquals(rev + 1, m.get("rev").asLong(), "every patch follows the last snapshot or patch");
                        rev++;
                    }
                }
                assertFalse(slow.isClosed(), "it stays connected");
                long after = writer.call("increment", 1);
                writer.awaitAnswer(after);
                JsonNode next = slow.await(m -> "patch".equals(m.path("type").asText())
                        && m.get("rev").asLong() > resync.get("rev").asLong(), "live patches after the snapshot");
                assertEquals(resync.get("rev").asLong() + 1, next.get("rev").asLong());
            }
        }
    }
}
