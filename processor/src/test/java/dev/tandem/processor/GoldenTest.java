package dev.tandem.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated Java and model documents for representative classes, compared with the files
 * under {@code src/test/resources/golden/expected}. To accept a deliberate change in the output,
 * run with {@code TANDEM_UPDATE_GOLDEN=true} and review the diff.
 */
class GoldenTest {

    private static final Path INPUT = Path.of("src/test/resources/golden/input");
    private static final Path EXPECTED = Path.of("src/test/resources/golden/expected");
    private static final boolean UPDATE = "true".equals(System.getenv("TANDEM_UPDATE_GOLDEN"));

    private static List<JavaFileObject> inputs;
    private static Compilation compilation;
    private static Map<String, String> generated;

    @BeforeAll
    static void compileInputs() throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(INPUT)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.add(JavaFileObjects.forResource(p.toUri().toURL()));
            }
        }
        inputs = sources;
        compilation = Compiler.javac().withProcessors(new TandemProcessor()).compile(sources);
        generated = new TreeMap<>();
        for (JavaFileObject f : compilation.generatedSourceFiles()) {
            String uri = f.toUri().toString();
            generated.put(uri.substring(uri.indexOf("SOURCE_OUTPUT/") + "SOURCE_OUTPUT/".length()), content(f));
        }
        for (String model : List.of("everything", "tic-tac-toe", "whiteboard", "shop", "poker", "order")) {
            String path = "META-INF/tandem/models/" + model + ".json";
            compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path).ifPresent(f -> generated.put(path, content(f)));
        }
        if (UPDATE) {
            for (Map.Entry<String, String> e : generated.entrySet()) {
                Path target = EXPECTED.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, e.getValue());
            }
        }
    }

    private static String content(JavaFileObject f) {
        try {
            return f.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void generatedCodeCompilesUnderLintAllAndWerror() {
        assertThat(compilation).succeeded();
        List<JavaFileObject> all = new ArrayList<>(inputs);
        all.addAll(compilation.generatedSourceFiles());
        Compilation strict = Compiler.javac().withOptions("-proc:none", "-Xlint:all", "-Werror").compile(all);
        assertThat(strict).succeededWithoutWarnings();
    }

    @Test
    void generatedFilesMatchTheGoldens() throws IOException {
        List<Path> expected;
        try (Stream<Path> files = Files.walk(EXPECTED)) {
            expected = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(expected.size(), generated.size(),
                "generated " + generated.keySet() + "; run with TANDEM_UPDATE_GOLDEN=true to rewrite the goldens");
        for (Path file : expected) {
            String key = EXPECTED.relativize(file).toString().replace('\\', '/');
            assertTrue(generated.containsKey(key), key + " was not generated");
            assertEquals(Files.readString(file), generated.get(key),
                    key + " differs from its golden; if the change is intended, run with TANDEM_UPDATE_GOLDEN=true");
        }
    }

    @Test
    void registrationListsEveryDefinition() throws IOException {
        String services = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/services/dev.tandem.spi.LiveObjectDefinition").orElseThrow().getCharContent(true).toString();
        assertEquals("com.example.ApprovalDefinition\ncom.example.EverythingDefinition\ncom.example.OrderDefinition\ncom.example.PokerDefinition\ncom.example.ShopDefinition\ncom.example.TicTacToeDefinition\n"
                + "com.example.WhiteboardDefinition\n",
                services);
    }
}
