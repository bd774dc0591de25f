package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tandem.runtime.fixtures.Flaky;
import dev.tandem.runtime.support.ManualTime;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A timer whose method throws runs again with backoff, a bounded number of times, on a real server. */
class TimerRetryTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger timersLog = (Logger) LoggerFactory.getLogger("dev.tandem.runtime.Timers");

    @BeforeEach
    void captureLogs() {
        logs.start();
        timersLog.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        timersLog.detachAppender(logs);
    }

    @Test
    void aTimerThatThrowsTwiceRunsAgainAfter1sThen2sAndItsChangeIsCommittedOnce() {
        try (TestServer server = TestServer.start(Map.of("tandem.test.manual-time", "true"))) {
            ManualTime time = server.bean(ManualTime.class);
            String id = TestServer.uniqueId("flaky");
            try (TestSocket a = server.connect("flaky", id)) {
                a.awaitType("snapshot");
                a.awaitAnswer(a.call("arm", 2, false, 100));
                time.advance(Duration.ofMillis(100));
                assertEquals(0, settled(server, id), "the failed run was rolled back");
                assertEquals(1, runs(id));
                time.advance(Duration.ofMillis(999));
                settled(server, id); // a read comes after any timer turn that advance posted
                assertEquals(1, runs(id), "the retry waits tandem.timers.retry.initial-delay (1s)");
                time.advance(Duration.ofMillis(1));
                assertEquals(0, settled(server, id));
                assertEquals(2, runs(id));
                time.advance(Duration.ofMillis(1999));
                settled(server, id);
                assertEquals(2, runs(id), "then twice as long (tandem.timers.retry.multiplier 2)");
                time.advance(Duration.ofMillis(1));
                a.await(m -> TestSocket.isPatch(m) && m.toString().contains("/settled"), "the successful run's patch");
                assertEquals(1, settled(server, id), "committed once");
                assertEquals(3, runs(id), "ran exactly three times");
                time.advance(Duration.ofHours(1));
                a.expectNoMessage("nothing runs after the success");
                assertEquals(3, runs(id));
            }
            MeterRegistry meters = server.bean(MeterRegistry.class);
            assertEquals(2, meters.get("tandem.timers.retried").tags("type", "flaky").counter().count());
            assertEquals(0, meters.get("tandem.timers.dropped").tags("type", "flaky").counter().count());
            assertEquals(List.of(Level.WARN, Level.WARN), levels(id));
        }
    }

    @Test
    void aTimerThatAlwaysThrowsRunsMaxAttemptsTimesThenIsDroppedAndLoggedOnceAtError() {
        try (TestServer server = TestServer.start(Map.of("tandem.test.manual-time", "true",
                "tandem.timers.retry.max-attempts", "3", "tandem.timers.retry.initial-delay", "10s"))) {
            ManualTime time = server.bean(ManualTime.class);
            String id = TestServer.uniqueId("flaky");
            try (TestSocket a = server.connect("flaky", id)) {
                a.awaitType("snapshot");
                a.awaitAnswer(a.call("arm", 1000, false, 100));
                for (Duration step : List.of(Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(20),
                        Duration.ofHours(1), Duration.ofDays(1))) {
                    time.advance(step);
                    assertEquals(0, settled(server, id));
                }
                assertEquals(3, runs(id), "max-attempts counts the first run");
            }
            assertEquals(List.of(Level.WARN, Level.WARN, Level.ERROR), levels(id));
            ILoggingEvent dropped = events(id).get(2);
            assertEquals("timer 'settle' of flaky/" + id + " failed 3 times and is dropped"
                    + " (tandem.timers.retry.max-attempts is 3); each run was rolled back", dropped.getFormattedMessage());
            assertNotNull(dropped.getThrowableProxy(), "the exception is logged with it");
            assertEquals("the payment provider is down (run 3)", dropped.getThrowableProxy().getMessage());
            assertEquals(1, server.bean(MeterRegistry.class).get("tandem.timers.dropped").tags("type", "flaky")
                    .counter().count());
        }
    }

    @Test
    void aRefusalIsNotRetried() {
        try (TestServer server = TestServer.start(Map.of("tandem.test.manual-time", "true"))) {
            ManualTime time = server.bean(ManualTime.class);
            String id = TestServer.uniqueId("flaky");
            try (TestSocket a = server.connect("flaky", id)) {
                a.awaitType("snapshot");
                a.awaitAnswer(a.call("arm", 1000, true, 100));
                time.advance(Duration.ofMillis(100));
                settled(server, id);
                time.advance(Duration.ofHours(1));
                assertEquals(0, settled(server, id));
                assertEquals(1, runs(id));
            }
            assertEquals(List.of(Level.WARN), levels(id));
            assertTrue(events(id).get(0).getFormattedMessage().contains("refused to run: nothing to settle (run 1)."
                    + " A refusal is deliberate, so it is not retried"), events(id).get(0).getFormattedMessage());
        }
    }

    @Test
    void aRestartDuringTheBackoffKeepsTheCount() {
        String id = TestServer.uniqueId("flaky");
        Map<String, Object> settings = Map.of("tandem.test.manual-time", "true", "tandem.timers.retry.max-attempts", "3");
        Path dir;
        try (TestServer first = TestServer.start(settings); TestSocket a = first.connect("flaky", id)) {
            dir = first.dataDir;
            a.awaitType("snapshot");
            a.awaitAnswer(a.call("arm", 1000, false, 100));
            first.bean(ManualTime.class).advance(Duration.ofMillis(100));
            settled(first, id);
            assertEquals(1, runs(id));
        }
        try (TestServer second = TestServer.start(dir, settings); TestSocket b = second.connect("flaky", id)) {
            ManualTime time = second.bean(ManualTime.class);
            b.awaitType("snapshot");
            time.advance(Duration.ofSeconds(1));
            settled(second, id);
            assertEquals(2, runs(id), "the stored retry ran");
            time.advance(Duration.ofSeconds(2));
            settled(second, id);
            time.advance(Duration.ofDays(1));
            assertEquals(0, settled(second, id));
            assertEquals(3, runs(id), "three runs in all, across the restart: the count was stored with the timer");
        }
        ILoggingEvent last = events(id).get(events(id).size() - 1);
        assertEquals(Level.ERROR, last.getLevel());
        assertTrue(last.getFormattedMessage().contains("failed 3 times and is dropped"), last.getFormattedMessage());
    }

    @Test
    void aBadRetrySettingStopsTheStartNamingTheKeyAndTheRange() {
        Throwable e = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class,
                () -> TestServer.start(Map.of("tandem.timers.retry.max-attempts", "0")).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("tandem.timers.retry.max-attempts must be between 1 and 1000"
                + " (1 runs a timer once, with no retry), got 0"), messages.toString());
    }

    private static int settled(TestServer server, String id) {
        return server.get("/tandem/objects/flaky/" + id).body().at("/state/settled").asInt();
    }

    private static int runs(String id) {
        AtomicInteger runs = Flaky.RUNS.get(id);
        return runs == null ? 0 : runs.get();
    }

    private List<ILoggingEvent> events(String id) {
        return logs.list.stream().filter(e -> e.getFormattedMessage().contains("flaky/" + id + " ")).toList();
    }

    private List<Level> levels(String id) {
        return events(id).stream().map(ILoggingEvent::getLevel).toList();
    }
}
