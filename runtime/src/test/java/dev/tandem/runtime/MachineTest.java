package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.ManualTime;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** State machines on a real server: refusals over WebSocket and HTTP, rollback, hooks, timed transitions, the diagram. */
class MachineTest {

    private static final String SEED_TEXT = "state \"PENDING\" does not handle \"deliver\"; allowed: pay, cancel";

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("tandem.test.manual-time", "true"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anInvalidTransitionIsRefusedBeforeTheBodyWithTheStateAndTheAllowedActions() {
        try (TestSocket a = server.connect("order", TestServer.uniqueId("order"))) {
            long rev = a.awaitType("snapshot").get("rev").asLong();
            long id = a.call("deliver");
            JsonNode error = a.awaitAnswer(id);
            assertEquals("{\"type\":\"error\",\"id\":" + id + ",\"code\":\"invalid_transition\",\"message\":"
                    + "\"state \\\"PENDING\\\" does not handle \\\"deliver\\\"; allowed: pay, cancel\","
                    + "\"state\":\"PENDING\",\"allowed\":[\"pay\",\"cancel\"]}", error.toString());
            a.expectNoMessage("no patch: the body did not run");
            JsonNode paid = a.awaitAnswer(a.call("pay", "p-1"));
            assertEquals(rev + 1, paid.get("rev").asLong(), "the refusal took no revision");
        }
    }

    @Test
    void overHttpItIs409WithTheSameData() {
        String id = TestServer.uniqueId("order-http");
        assertEquals(200, server.post("/tandem/objects/order/" + id + "/actions/pay", "[\"p-1\"]").status());
        TestServer.Response r = server.post("/tandem/objects/order/" + id + "/actions/deliver", "[]");
        assertEquals(409, r.status());
        assertEquals("{\"code\":\"invalid_transition\",\"message\":\"state \\\"PROCESSING\\\" does not handle"
                + " \\\"deliver\\\"; allowed: cancel, ship, shipStraightToTheDoor\",\"state\":\"PROCESSING\","
                + "\"allowed\":[\"cancel\",\"ship\",\"shipStraightToTheDoor\"]}", r.body().toString());
    }

    @Test
    void aBodyThatLeavesTheStateOutsideItsToIsRolledBackAndTheClientGetsInternal() {
        try (TestSocket a = server.connect("order", TestServer.uniqueId("order-bug"))) {
            a.awaitType("snapshot");
            a.awaitAnswer(a.call("pay", "p-1"));
            JsonNode error = a.awaitAnswer(a.call("shipStraightToTheDoor"));
            assertEquals("internal", error.get("code").asText());
            a.expectNoMessage("nothing is broadcast");
            JsonNode shipped = a.awaitAnswer(a.call("ship"));
            assertTrue(shipped.toString().contains("\"SHIPPED\""), "the state was PROCESSING again: " + shipped);
        }
    }

    @Test
    void hooksRunInTheSameTurnAndItsOnePatch() {
        try (TestSocket a = server.connect("order", TestServer.uniqueId("order-hooks"))) {
            a.awaitType("snapshot");
            JsonNode paid = a.awaitAnswer(a.call("pay", "p-1"));
            String ops = paid.get("ops").toString();
            assertTrue(ops.contains("\"PROCESSING\"") && ops.contains("exit PENDING") && ops.contains("enter PROCESSING"),
                    "the state change and both hooks' changes in one answer: " + ops);
        }
    }

    @Test
    void anUnpaidOrderIsCancelledAfterAnHourAndAPaidOneIsNot() {
        ManualTime time = server.bean(ManualTime.class);
        String unpaid = TestServer.uniqueId("unpaid");
        String paid = TestServer.uniqueId("paid");
        try (TestSocket a = server.connect("order", unpaid); TestSocket b = server.connect("order", paid)) {
            a.awaitType("snapshot");
            b.awaitType("snapshot");
            b.awaitAnswer(b.call("pay", "p-1"));
            time.advance(Duration.ofMinutes(59));
            a.expectNoMessage("not due yet");
            time.advance(Duration.ofMinutes(1));
            a.await(m -> TestSocket.isPatch(m) && m.toString().contains("\"CANCELLED\""), "the timed transition");
            time.advance(Duration.ofHours(2));
            b.expectNoMessage("the paid order's timer was cancelled when it left PENDING");
        }
        assertEquals("PROCESSING", server.get("/tandem/objects/order/" + paid).body().at("/state/status").asText());
    }

    @Test
    void aTimedTransitionDueWhileTheServerWasDownFiresWhenItComesBack() throws Exception {
        String id = TestServer.uniqueId("order-restart");
        java.nio.file.Path dir;
        try (TestServer first = TestServer.start(); TestSocket a = first.connect("order", id)) {
            dir = first.dataDir;
            a.awaitType("snapshot"); // created in PENDING: its expiry timer is stored with it
        }
        try (TestServer second = TestServer.start(dir, Map.of("tandem.test.manual-time", "true"))) {
            second.bean(ManualTime.class).advance(Duration.ofHours(2)); // past the due time, which passed while down
            Await.until(() -> "CANCELLED".equals(second.get("/tandem/objects/order/" + id).body()
                    .at("/state/status").asText()), "the stored timed transition fires after the restart");
            assertEquals("[\"expired\",\"exit PENDING\"]",
                    second.get("/tandem/objects/order/" + id).body().at("/state/log").toString());
        }
    }

    @Test
    void servesTheDiagramAsText() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.httpUrl("/tandem/types/order/diagram"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
        assertTrue(r.body().startsWith("stateDiagram-v2\n    [*] --> PENDING\n    PENDING --> PROCESSING: pay\n"), r.body());
        assertTrue(r.body().contains("    PENDING --> CANCELLED: expire after PT1H\n"));
        assertEquals(404, server.get("/tandem/types/counter/diagram").status(), "no machine, no diagram");
    }
}
