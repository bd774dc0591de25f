package dev.tandem.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.codegen.testing.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The client runtime's own logic in Node's test runner ({@code src/test/node}): the state-machine
 * view and its typed error, and the React hook in a real React render. The served client is
 * generated from the test models into a folder beside the tests; the server side is scripted
 * frames (the end-to-end tests against a real server are in the runtime module).
 */
class ClientRuntimeTest {

    @Test
    void theClientRuntimePassesItsNodeTests() throws Exception {
        NodeProcess.nodeModules();
        Path dir = Path.of("target/node-client").toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        OutputFolder.write(dir, new TypeScriptGenerator(TypeScriptGeneratorTest.models()).served());
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec", "--test-concurrency=1"));
        try (Stream<Path> files = Files.list(Path.of("src/test/node"))) {
            for (Path f : files.sorted().toList()) {
                Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                if (f.toString().endsWith(".test.mjs")) {
                    command.add(dir.resolve(f.getFileName()).toString());
                }
            }
        }
        NodeProcess.Result result = NodeProcess.run(dir, Map.of(), 120, command);
        System.out.println(result.output());
        assertEquals(0, result.exitCode(), "Node tests of the client runtime failed:\n" + result.output());
    }
}
