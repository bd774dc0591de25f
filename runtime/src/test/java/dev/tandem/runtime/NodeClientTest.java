package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tandem.codegen.testing.NodeProcess;
import dev.tandem.runtime.internal.RandomPatches;
import dev.tandem.runtime.support.PatchCases;
import dev.tandem.runtime.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The TypeScript client's end-to-end tests, in Node's test runner, against a real server started
 * here. The client is the module the server serves ({@code /tandem/client.js} and
 * {@code /tandem/client/runtime.js}), fetched into a folder beside the tests, with the patch
 * conformance table and the server's random turns for the patch tests.
 */
class NodeClientTest {

    @Test
    void theClientPassesItsEndToEndTestsInNode() throws Exception {
        NodeProcess.nodeModules();
        try (TestServer server = TestServer.start(Map.of("tandem.limits.calls-per-second", "1000",
                "tandem.limits.call-burst", "1000", "tandem.limits.max-connections-per-instance", "3"))) {
            Path dir = Path.of("target/node-e2e").toAbsolutePath();
            Files.createDirectories(dir.resolve("client"));
            HttpClient http = HttpClient.newHttpClient();
            for (String file : List.of("client.js", "client.d.ts", "client/runtime.js", "client/runtime.d.ts")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.httpUrl("/tandem/" + file)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), file);
                Files.writeString(dir.resolve(file), r.body());
            }
            Files.copy(PatchCases.FILE, dir.resolve("patches.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ArrayNode random = JsonNodeFactory.instance.arrayNode();
            for (long seed = 1; seed <= 40; seed++) {
                random.add(RandomPatches.sequence(seed, 50));
            }
            Files.writeString(dir.resolve("random-patches.json"), random.toString());
            List<String> command = new java.util.ArrayList<>(List.of("node", "--test", "--test-reporter=spec",
                    "--test-concurrency=1"));
            try (Stream<Path> tests = Files.list(Path.of("src/test/node"))) {
                for (Path t : tests.filter(p -> p.toString().endsWith(".mjs")).sorted().toList()) {
                    Path copy = dir.resolve(t.getFileName());
                    Files.copy(t, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    if (t.toString().endsWith(".test.mjs")) { // the others are their helpers
                        command.add(copy.toString());
                    }
                }
            }
            NodeProcess.Result result = NodeProcess.run(dir, Map.of("TANDEM_URL", server.httpUrl("")), 180, command);
            System.out.println(result.output());
            assertEquals(0, result.exitCode(), "Node end-to-end tests failed:\n" + result.output());
        }
    }
}
