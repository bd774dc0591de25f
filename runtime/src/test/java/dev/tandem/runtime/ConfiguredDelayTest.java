package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.runtime.fixtures.Invoice;
import dev.tandem.runtime.support.ManualTime;
import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import dev.tandem.runtime.testkit.LiveObjectTestKit;
import dev.tandem.runtime.testkit.TestInstance;
import io.micronaut.context.exceptions.ConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code @After("${key:default}")}: the delay read from configuration at start, and refused at start when wrong. */
class ConfiguredDelayTest {

    @Test
    void aConfiguredDelayIsTheOneThatFires() {
        try (TestServer server = TestServer.start(Map.of("tandem.test.manual-time", "true",
                "test.invoice.due", "PT10S", "test.invoice.write-off", "PT20S"));
                TestSocket a = server.connect("invoice", TestServer.uniqueId("invoice"))) {
            ManualTime time = server.bean(ManualTime.class);
            a.awaitType("snapshot");
            time.advance(Duration.ofSeconds(9));
            a.expectNoMessage("the configured 10 seconds have not passed");
            time.advance(Duration.ofSeconds(1));
            a.await(m -> TestSocket.isPatch(m) && m.toString().contains("\"OVERDUE\""), "overdue after 10s, not 30 days");
            time.advance(Duration.ofSeconds(19));
            a.expectNoMessage("the write-off's configured 20 seconds have not passed");
            time.advance(Duration.ofSeconds(1));
            a.await(m -> TestSocket.isPatch(m) && m.toString().contains("\"WRITTEN_OFF\""), "written off after 20s more");
        }
    }

    @Test
    void aConfiguredValueThatIsNotADurationStopsTheStartNamingTheKey() {
        ConfigurationException e = refused(Map.of("test.invoice.due", "10s"));
        assertEquals("Live-object type 'invoice': configuration key 'test.invoice.due' is \"10s\", which"
                + " @After on Invoice.overdue() reads as its delay, but it is not a positive"
                + " ISO-8601 duration. Write it like PT30S, PT2M or P2D", e.getMessage());
        assertTrue(refused(Map.of("test.invoice.due", "-PT1S")).getMessage().contains("is \"-PT1S\""));
    }

    @Test
    void aPlaceholderWithoutDefaultWhoseKeyIsNotSetStopsTheStartNamingTheKey() {
        ConfigurationException e = refused(Map.of("test.invoice.write-off", ""));
        assertEquals("Live-object type 'invoice': configuration key 'test.invoice.write-off' is not set, but"
                + " @After(\"${test.invoice.write-off}\") on Invoice.writeOff() needs it. Set it to an ISO-8601 duration"
                + " such as PT2M (in application.yml, or as the environment variable or system property), or give the"
                + " placeholder a default: @After(\"${test.invoice.write-off:PT2M}\")", e.getMessage());
    }

    @Test
    void theTestKitReadsItsOwnProperties() throws Exception {
        TestInstance<Invoice> invoice = LiveObjectTestKit.of(Invoice.class).withProperty("test.invoice.due", "PT1M")
                .withProperty("test.invoice.write-off", "PT1H").create("i-1");
        invoice.advance(Duration.ofSeconds(59));
        assertEquals("OPEN", invoice.machineState());
        invoice.advance(Duration.ofSeconds(1));
        assertEquals("OVERDUE", invoice.machineState());
        invoice.advance(Duration.ofHours(1));
        assertEquals(List.of("overdue", "written off"), invoice.object().log);
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> LiveObjectTestKit.of(Invoice.class).create("i-2"));
        assertTrue(missing.getMessage().startsWith("configuration key 'test.invoice.write-off' is not set"),
                missing.getMessage());
    }

    private static ConfigurationException refused(Map<String, Object> properties) {
        Throwable e = assertThrows(Throwable.class, () -> TestServer.start(properties).close());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException c) {
                return c;
            }
        }
        throw new AssertionError("the start failed without a ConfigurationException", e);
    }
}
