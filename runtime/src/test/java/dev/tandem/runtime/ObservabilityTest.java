package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.runtime.support.TestServer;
import dev.tandem.runtime.support.TestSocket;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

/** The health endpoint and the meters an operator watches. */
class ObservabilityTest {

    @Test
    void healthAndMetersReflectWhatHappens() {
        try (TestServer server = TestServer.start()) {
            TestServer.Response health = server.get("/health");
            assertEquals(200, health.status());
            assertEquals("UP", health.body().get("status").asText());

            MeterRegistry meters = server.bean(MeterRegistry.class);
            String id = TestServer.uniqueId("metrics");
            try (TestSocket a = server.connect("counter", id); TestSocket b = server.connect("counter", id)) {
                a.awaitType("snapshot");
                b.awaitType("snapshot");
                assertEquals(2, meters.get("tandem.connections").gauge().value());
                assertEquals(1, meters.get("tandem.instances.active").gauge().value());
                a.awaitAnswer(a.call("increment", 1));
                a.awaitAnswer(a.call("increment", 0));
                b.awaitPatch(a.seen().get(0).get("rev").asLong() + 1);
                assertEquals(1, meters.get("tandem.turns").tags("type", "counter", "outcome", "ok").counter().count());
                assertEquals(1, meters.get("tandem.turns").tags("type", "counter", "outcome", "failed").counter().count());
                assertEquals(1, meters.get("tandem.calls.rejected").tags("type", "counter", "code", "rejected").counter()
                        .count());
                assertEquals(2, meters.get("tandem.patches.delivered").tags("type", "counter").counter().count());
                assertTrue(meters.get("tandem.patch.bytes").tags("type", "counter").counter().count() > 0);
                assertTrue(meters.get("tandem.storage.write").timer().count() >= 2);
                assertEquals(2, meters.get("tandem.turn.duration").tags("type", "counter").timer().count());
            }
        }
    }

    @Test
    void metricsAreNotPublicUnlessTheApplicationSaysSo() {
        try (TestServer server = TestServer.start()) {
            assertEquals(401, server.get("/metrics").status(), "anyone on the internet could read them");
            assertEquals(200, server.get("/health").status());
        }
        try (TestServer server = TestServer.start(java.util.Map.of("endpoints.metrics.sensitive", false))) {
            TestServer.Response metrics = server.get("/metrics/tandem.connections");
            assertEquals(200, metrics.status(), "opted in");
            assertEquals("tandem.connections", metrics.body().get("name").asText());
        }
    }
}
