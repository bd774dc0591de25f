package dev.tandem.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.codegen.testing.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated code and the client runtime's typings pass {@code tsc --strict}, and misuse is
 * caught: usage files in {@code src/test/resources/usage} mark expected errors with
 * {@code @ts-expect-error}, so a type that is too loose fails the check too.
 */
class TypeCheckTest {

    @Test
    void generatedTypeScriptAndServedTypingsPassTscStrict() throws Exception {
        Path dir = Path.of("target/tsc-check").toAbsolutePath();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        TypeScriptGenerator generator = new TypeScriptGenerator(TypeScriptGeneratorTest.models());
        OutputFolder.write(dir.resolve("ts"), generator.typescript());
        OutputFolder.write(dir.resolve("served"), generator.served());
        Files.copy(Path.of("src/test/resources/usage/usage.ts"), dir.resolve("ts/usage.ts"));
        Files.copy(Path.of("src/test/resources/usage/usage-served.ts"), dir.resolve("served/usage.ts"));
        Files.copy(Path.of("src/test/resources/usage/tsconfig.json"), dir.resolve("tsconfig.json"));
        NodeProcess.Result tsc = NodeProcess.run(dir, Map.of(), 120, List.of(NodeProcess.bin("tsc"), "-p", "tsconfig.json"));
        assertEquals(0, tsc.exitCode(), "tsc --strict failed:\n" + tsc.output());
        assertTrue(tsc.output().isBlank(), tsc.output());
    }
}
