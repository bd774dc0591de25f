package dev.tandem.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.codegen.model.LiveObjectModel;
import dev.tandem.codegen.model.ModelReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generator's output for the processor's golden models (so the inputs are what the processor
 * really writes), compared with the files in {@code src/test/resources/golden}. Run with
 * {@code TANDEM_UPDATE_GOLDEN=true} to accept a deliberate change.
 */
class TypeScriptGeneratorTest {

    static final Path MODELS = Path.of("../processor/src/test/resources/golden/expected");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = "true".equals(System.getenv("TANDEM_UPDATE_GOLDEN"));

    static List<LiveObjectModel> models() throws IOException {
        return ModelSources.fromClasspath(List.of(MODELS));
    }

    @Test
    void generatedTypeScriptMatchesTheGoldens() throws IOException {
        TypeScriptGenerator generator = new TypeScriptGenerator(models());
        Map<String, String> files = generator.typescript().stream().filter(f -> f.path().equals("index.ts"))
                .collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content));
        generator.served().stream().filter(f -> !f.path().startsWith("client/"))
                .forEach(f -> files.put(f.path(), f.content()));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path golden = GOLDEN.resolve(f.getKey());
            if (UPDATE) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, f.getValue());
            }
            assertEquals(Files.readString(golden), f.getValue(),
                    f.getKey() + " differs from its golden; if intended, run with TANDEM_UPDATE_GOLDEN=true");
        }
    }

    @Test
    void theOutputIsDeterministic() throws IOException {
        List<LiveObjectModel> models = models();
        List<LiveObjectModel> reversed = new java.util.ArrayList<>(models);
        java.util.Collections.reverse(reversed);
        assertEquals(new TypeScriptGenerator(models).typescript(), new TypeScriptGenerator(reversed).typescript());
    }

    @Test
    void everyMappingIsInTheOneTable() {
        for (String scalar : List.of("boolean", "byte", "short", "int", "long", "float", "double", "char", "string",
                "uuid", "big-decimal", "big-integer", "instant", "local-date", "local-time", "local-date-time",
                "offset-date-time", "zoned-date-time", "duration", "period")) {
            assertTrue(List.of("boolean", "number", "string").contains(TypeMapping.scalar(scalar).type()), scalar);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TypeMapping.scalar("money"));
        assertTrue(e.getMessage().startsWith("unknown scalar type 'money' in a model document; known: [big-decimal"));
    }

    @Test
    void aModelOfAnotherFormatIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelReader.read("{\"format\": 2, \"typeName\": \"x\"}", "x.json"));
        assertEquals("x.json has model format 2, but this generator reads format 1; use matching Tandem versions",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelReader.read("{\"a\": 1}", "y.json"));
        assertEquals("y.json is not a Tandem model document (no format or typeName)", e.getMessage());
    }
}
