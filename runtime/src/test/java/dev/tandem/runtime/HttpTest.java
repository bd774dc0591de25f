package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestServer.Response;
import dev.tandem.runtime.support.TestSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP endpoints: types, models, snapshots, calls, and errors with stable codes and fitting statuses. */
class HttpTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("tandem.limits.max-message-size", "2048"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listsTypesWithTheirFieldsAndActions() {
        Response r = server.get("/tandem/types");
        assertEquals(200, r.status());
        JsonNode counter = null;
        for (JsonNode t : r.body()) {
            if (t.get("type").asText().equals("counter")) {
                counter = t;
            }
        }
        JsonNode increment = null;
        for (JsonNode a : counter.get("actions")) {
            if (a.get("name").asText().equals("increment")) {
                increment = a;
            }
        }
        assertEquals("[{\"name\":\"by\",\"type\":\"int\"}]", increment.get("parameters").toString());
        assertEquals("/tandem/types/counter/model", counter.get("model").asText());
        JsonNode room = null;
        for (JsonNode t : server.get("/tandem/types").body()) {
            room = "room".equals(t.get("type").asText()) ? t : room;
        }
        assertEquals("{\"name\":\"cursors\",\"stored\":false}", room.at("/fields/0").toString());
    }

    @Test
    void servesTheModelDocumentOfEachType() {
        Response r = server.get("/tandem/types/room/model");
        assertEquals(200, r.status());
        assertEquals(1, r.body().get("format").asInt());
        assertEquals("room", r.body().get("typeName").asText());
        assertEquals("record", r.body().at("/types/dev.tandem.runtime.fixtures.Room.Cursor/kind").asText());
        assertEquals(404, server.get("/tandem/types/nope/model").status());
    }

    @Test
    void callsAnActionAndReadsTheState() {
        String id = TestServer.uniqueId("http");
        Response byPosition = server.post("/tandem/objects/counter/" + id + "/actions/increment", "[4]");
        assertEquals(200, byPosition.status());
        assertEquals(4, byPosition.body().get("value").asLong());
        Response byName = server.post("/tandem/objects/counter/" + id + "/actions/increment", "{\"by\": 2}");
        assertEquals(6, byName.body().get("value").asLong());
        assertEquals(byPosition.body().get("rev").asLong() + 1, byName.body().get("rev").asLong());
        Response read = server.get("/tandem/objects/counter/" + id);
        assertEquals(200, read.status());
        assertEquals(6, read.body().at("/state/count").asLong());
        assertEquals(byName.body().get("rev"), read.body().get("rev"));
        assertTrue(read.body().get("epoch").isTextual());
        Response none = server.post("/tandem/objects/counter/" + id + "/actions/get", "");
        assertEquals(6, none.body().get("value").asLong(), "no body: no arguments");
    }

    @Test
    void httpAndWebSocketClientsShareTheInstance() {
        String id = TestServer.uniqueId("mixed");
        try (TestSocket a = server.connect("counter", id)) {
            long rev = a.awaitType("snapshot").get("rev").asLong();
            server.post("/tandem/objects/counter/" + id + "/actions/increment", "[3]");
            assertEquals(3, a.awaitPatch(rev + 1).at("/ops/0/value").asLong());
        }
    }

    @Test
    void errorsHaveAStableCodeAMessageAndAFittingStatus() {
        String id = TestServer.uniqueId("errors");
        expect(server.post("/tandem/objects/chess/" + id + "/actions/move", "[]"), 404, "not_found",
                "no live-object type 'chess'; types: alarm, auction, card-table, club, counter, flaky, greeter, guestbook, invoice, lobby, misstarted, order, payout, room, shelf, sneaky-view, ticket, toggle, unwired, vault");
        expect(server.post("/tandem/objects/counter/" + id + "/actions/jump", "[]"), 404, "unknown_action",
                "counter has no action 'jump'; its actions are: append, blob, changeThenReject, explode, get, hold, increment, incrementSlowly, sleep");
        expect(server.post("/tandem/objects/counter/" + id + "/actions/increment", "[\"x\"]"), 400, "bad_arguments",
                "increment(by: int): argument 'by' expected an int (a whole number), got \"x\" (a string)");
        expect(server.post("/tandem/objects/counter/" + id + "/actions/increment", "[0]"), 409, "rejected",
                "Increment by at least 1");
        expect(server.post("/tandem/objects/counter/" + id + "/actions/increment", "[1"), 400, "bad_request",
                "the body must be JSON arguments, like [4] or {\"cell\": 4}; it is not valid JSON (Unexpected"
                        + " end-of-input: expected close marker for Array at line 1, column 3)");
        expect(server.post("/tandem/objects/counter/" + id + "/actions/increment", "5"), 400, "bad_request",
                "the body is the action's arguments: a JSON array (by position) or object (by parameter name)");
        expect(server.post("/tandem/objects/counter/" + id + "/actions/append", "[\"" + "x".repeat(3000) + "\"]"), 413,
                "too_large", "a body of 3004 bytes is over the limit of 2048 (tandem.limits.max-message-size)");
        expect(server.post("/tandem/objects/counter/bad%20id/actions/get", "[]"), 400, "bad_request", null);
        expect(server.post("/tandem/objects/counter/" + id + "/actions/explode", "[]"), 500, "internal", null);
        expect(server.get("/tandem/objects/nope/" + id), 404, "not_found", null);
        assertEquals(0, server.get("/tandem/objects/counter/" + id).body().at("/state/count").asLong(),
                "no failed call changed anything");
    }

    private static void expect(Response r, int status, String code, String message) {
        assertEquals(status, r.status(), String.valueOf(r.body()));
        assertEquals(code, r.body().get("code").asText());
        if (message != null) {
            assertEquals(message, r.body().get("message").asText());
        }
    }

    @Test
    void theSessionHeaderNamesAnAnonymousCaller() {
        String id = TestServer.uniqueId("session");
        String session = server.session();
        Response first = server.post("/tandem/objects/room/" + id + "/actions/whoAmI", "[]", "X-Tandem-Session", session);
        Response again = server.post("/tandem/objects/room/" + id + "/actions/whoAmI", "[]", "X-Tandem-Session", session);
        assertTrue(first.body().get("value").asText().startsWith("u-"), first.body().toString());
        assertEquals(first.body().get("value"), again.body().get("value"), "one credential, one user");
    }
}
