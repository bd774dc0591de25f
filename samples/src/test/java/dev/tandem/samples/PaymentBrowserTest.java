package dev.tandem.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.codegen.testing.NodeProcess;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The payment sample in headless Chromium, with several people signed in to the real samples app
 * (demo accounts, JWT cookies): {@code payment.test.mjs}. Two servers: one with the default expiry
 * (two minutes, so no approval races the clock) and one whose payments expire after 4 seconds.
 */
class PaymentBrowserTest {

    private static final List<String> SHOTS = List.of("payment-desktop", "payment-phone", "payment-large-desktop");

    private static EmbeddedServer start(Map<String, Object> extra) throws Exception {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "micronaut.server.host", "127.0.0.1",
                "micronaut.server.port", -1,
                "tandem.data-dir", Files.createTempDirectory("tandem-payment").toString()));
        properties.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @Test
    void requestersAndApproversDecidePaymentsTogetherInARealBrowser() throws Exception {
        NodeProcess.nodeModules();
        TestFiles.deleteScreenshots(SHOTS);
        try (EmbeddedServer server = start(Map.of());
             EmbeddedServer expiring = start(Map.of("tandem.samples.payment.expiry", "PT4S"))) {
            Map<String, String> env = Map.of(
                    "SAMPLES_URL", "http://127.0.0.1:" + server.getPort(),
                    "EXPIRING_URL", "http://127.0.0.1:" + expiring.getPort(),
                    "SCREENSHOTS", TestFiles.SCREENSHOTS.toString());
            NodeProcess.Result r = NodeProcess.run(Path.of("src/test/browser").toAbsolutePath(), env, 300,
                    List.of("node", "--test", "--test-reporter=spec", "--test-concurrency=1", "payment.test.mjs"));
            System.out.println(r.output());
            assertEquals(0, r.exitCode(), "browser tests failed:\n" + r.output());
        }
        TestFiles.assertScreenshots(SHOTS);
    }
}
