package dev.tandem.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.codegen.testing.NodeProcess;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pages on another origin (docs/CONFIGURATION.md, "Pages and CORS"), in headless Chromium: with
 * {@code micronaut.server.cors.*} allowing an origin, a page there imports {@code /tandem/client.js},
 * connects over WebSocket and calls actions over WebSocket and HTTP; a page on an origin that is not
 * configured, or on any other origin when nothing is configured, is refused.
 */
class CorsBrowserTest {

    private static EmbeddedServer start(Map<String, Object> extra) throws Exception {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "micronaut.server.host", "127.0.0.1",
                "micronaut.server.port", -1,
                "tandem.data-dir", Files.createTempDirectory("tandem-cors").toString()));
        properties.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @Test
    void aConfiguredOriginIsAllowedAndOthersAreRefused() throws Exception {
        NodeProcess.nodeModules();
        try (EmbeddedServer plain = start(Map.of());
             EmbeddedServer configured = start(Map.of(
                     "micronaut.server.cors.enabled", true,
                     "micronaut.server.cors.configurations.web.allowed-origins",
                     List.of("http://allowed.localhost:" + plain.getPort())))) {
            NodeProcess.Result r = NodeProcess.run(Path.of("src/test/browser").toAbsolutePath(),
                    Map.of("CORS_PORT", String.valueOf(configured.getPort()),
                            "PLAIN_PORT", String.valueOf(plain.getPort())),
                    120, List.of("node", "--test", "--test-reporter=spec", "--test-concurrency=1", "cors.test.mjs"));
            System.out.println(r.output());
            assertEquals(0, r.exitCode(), "CORS in a browser:\n" + r.output());
        }
    }
}
