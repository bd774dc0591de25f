package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One turn at a time, in order per connection; a turn that throws changes nothing. */
class TurnsTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void callsFromOneConnectionRunInTheOrderSent() {
        String id = TestServer.uniqueId("order");
        try (TestSocket a = server.connect("counter", id)) {
            a.awaitType("snapshot");
            List<Long> calls = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                calls.add(a.call("append", i)); // pipelined: no waiting between sends
            }
            long lastRev = 0;
            for (long call : calls) {
                JsonNode answer = a.awaitAnswer(call);
                assertEquals("result", answer.get("type").asText(), answer.toString());
                assertTrue(answer.get("rev").asLong() > lastRev, "revisions grow in call order");
                lastRev = answer.get("rev").asLong();
            }
            JsonNode state = server.get("/tandem/objects/counter/" + id).body().get("state");
            for (int i = 0; i < 80; i++) {
                assertEquals(i, state.get("log").get(i).asInt());
            }
        }
    }

    @Test
    void concurrentCallersOnOneInstanceNeverInterleave() throws Exception {
        String id = TestServer.uniqueId("race");
        LiveObjects objects = server.bean(LiveObjects.class);
        List<CompletableFuture<CallResult>> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    CompletableFuture<CallResult> f = objects.call("counter", id, "increment",
                            dev.tandem.runtime.internal.Frames.JSON.createArrayNode().add(1), LiveObjects.system("t"));
                    synchronized (all) {
                        all.add(f);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> values = new ArrayList<>();
        for (CompletableFuture<CallResult> f : all) {
            values.add(f.get().value().asLong());
        }
        assertEquals(400, values.stream().distinct().count(), "every increment saw a distinct count: no lost update");
        assertEquals(400, server.get("/tandem/objects/counter/" + id).body().at("/state/count").asLong());
    }

    @Test
    void aTurnThatThrowsIsRolledBackAndReportedAsInternal() {
        String id = TestServer.uniqueId("rollback");
        try (TestSocket a = server.connect("counter", id); TestSocket b = server.connect("counter", id)) {
            long rev = a.awaitType("snapshot").get("rev").asLong();
            b.awaitType("snapshot");
            a.awaitAnswer(a.call("increment", 2));
            assertEquals(2, b.awaitPatch(rev + 1).at("/ops/0/value").asLong());
            JsonNode error = a.awaitAnswer(a.call("explode"));
            b.expectNoMessage("a patch from the failed turn");
            assertEquals("error", error.get("type").asText());
            assertEquals("internal", error.get("code").asText());
            assertTrue(error.get("message").asText().startsWith("internal error (reference "), error.toString());
            assertFalse(error.toString().contains("boom"), "details stay in the server log");

            JsonNode state = server.get("/tandem/objects/counter/" + id).body();
            assertEquals(2, state.at("/state/count").asLong(), "fields restored");
            assertEquals("[]", state.at("/state/log").toString());
            assertEquals(rev + 1, state.get("rev").asLong(), "the failed turn took no revision");

            a.awaitAnswer(a.call("increment", 1));
            assertEquals("[{\"op\":\"replace\",\"path\":\"/count\",\"value\":3}]", b.awaitPatch(rev + 2).get("ops").toString(),
                    "the next patch is the next revision and carries nothing of the failed turn");
        }
    }

    @Test
    void aRejectionCarriesItsMessageAndChangesNothing() {
        String id = TestServer.uniqueId("reject");
        try (TestSocket a = server.connect("counter", id)) {
            a.awaitType("snapshot");
            JsonNode error = a.awaitAnswer(a.call("changeThenReject"));
            assertEquals("rejected", error.get("code").asText());
            assertEquals("Not allowed", error.get("message").asText());
            JsonNode zero = a.awaitAnswer(a.call("increment", 0));
            assertEquals("Increment by at least 1", zero.get("message").asText());
            assertEquals(0, server.get("/tandem/objects/counter/" + id).body().at("/state/count").asLong());
        }
    }

    @Test
    void unknownActionsAndBadArgumentsAreAnsweredWithTheirCodes() {
        String id = TestServer.uniqueId("badcall");
        try (TestSocket a = server.connect("counter", id)) {
            a.awaitType("snapshot");
            JsonNode unknown = a.awaitAnswer(a.call("decrement", 1));
            assertEquals("unknown_action", unknown.get("code").asText());
            assertEquals("counter has no action 'decrement'; its actions are: append, blob, changeThenReject, explode, get, hold,"
                    + " increment, incrementSlowly, sleep", unknown.get("message").asText());
            JsonNode bad = a.awaitAnswer(a.call("increment", "five"));
            assertEquals("bad_arguments", bad.get("code").asText());
            assertEquals("increment(by: int): argument 'by' expected an int (a whole number), got \"five\" (a string)",
                    bad.get("message").asText());
            JsonNode count = a.awaitAnswer(a.call("increment", 1, 2));
            assertEquals("increment(by: int): expected 1 argument, got 2", count.get("message").asText());
            assertEquals(1, a.awaitAnswer(a.call("increment", 1)).get("value").asLong(), "the connection carries on");
        }
    }
}
