package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.runtime.support.ManualTime;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code LiveContext.scheduleAt}: a timer due at an absolute time, on a real server and through a restart. */
class AbsoluteTimerTest {

    @Test
    void firesAtItsTimeAndAPastTimeFiresAtOnce() {
        try (TestServer server = TestServer.start(Map.of("tandem.test.manual-time", "true"))) {
            ManualTime time = server.bean(ManualTime.class);
            Instant now = server.bean(Clock.class).instant();
            String id = TestServer.uniqueId("alarm-at");
            try (TestSocket a = server.connect("alarm", id)) {
                a.awaitType("snapshot");
                a.awaitAnswer(a.call("setAt", now.plusSeconds(30).toString()));
                time.advance(Duration.ofSeconds(30).minusMillis(1));
                a.expectNoMessage("not due until its time");
                time.advance(Duration.ofMillis(1));
                a.await(m -> TestSocket.isPatch(m) && m.toString().contains("\"rang\""), "the timer at its time");

                a.awaitAnswer(a.call("setAt", now.minus(Duration.ofDays(1)).toString()));
                a.await(m -> TestSocket.isPatch(m) && m.toString().contains("\"rang\""),
                        "a time in the past fires at once, without the clock moving");
            }
        }
    }

    @Test
    void dueAtSeesTheTurnsOwnChangesAndTheCommittedTimers() {
        try (TestServer server = TestServer.start(Map.of("tandem.test.manual-time", "true"))) {
            Instant now = server.bean(Clock.class).instant();
            String id = TestServer.uniqueId("alarm-due");
            try (TestSocket a = server.connect("alarm", id)) {
                a.awaitType("snapshot");
                assertEquals("none", a.awaitAnswer(a.call("due")).get("value").asText());
                String at = Instant.ofEpochMilli(now.toEpochMilli() + 5000).toString();
                assertEquals(at, a.awaitAnswer(a.call("setAndSee", 5000)).get("value").asText(), "in the same turn");
                assertEquals(at, a.awaitAnswer(a.call("due")).get("value").asText(), "in a later turn");
                a.awaitAnswer(a.call("cancel"));
                assertEquals("none", a.awaitAnswer(a.call("due")).get("value").asText());
            }
        }
    }

    @Test
    void anAbsoluteTimerSurvivesARestartAndFiresAtItsTime() {
        String id = TestServer.uniqueId("alarm-restart");
        Path dir;
        Instant at = Instant.now().plus(Duration.ofHours(1));
        try (TestServer first = TestServer.start(); TestSocket a = first.connect("alarm", id)) {
            dir = first.dataDir;
            a.awaitType("snapshot");
            a.awaitAnswer(a.call("setAt", at.toString()));
        }
        try (TestServer second = TestServer.start(dir, Map.of("tandem.test.manual-time", "true"));
                TestSocket b = second.connect("alarm", id)) {
            ManualTime time = second.bean(ManualTime.class);
            b.awaitType("snapshot");
            assertEquals(Instant.ofEpochMilli(at.toEpochMilli()).toString(),
                    b.awaitAnswer(b.call("due")).get("value").asText(), "dueAt reads the stored timer after a restart");
            Duration left = Duration.between(second.bean(Clock.class).instant(), at);
            time.advance(left.minusSeconds(1));
            b.expectNoMessage("the stored time has not come");
            time.advance(Duration.ofSeconds(1));
            b.await(m -> TestSocket.isPatch(m) && m.toString().contains("\"rang\""), "the stored absolute timer");
            assertEquals(1, second.get("/tandem/objects/alarm/" + id).body().at("/state/rings").asInt());
        }
    }
}
