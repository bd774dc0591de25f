package dev.tandem.codegen;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Maven goal, run on a project whose classes folder is empty (as before {@code compile}) and on compiled models. */
class TypeScriptMojoTest {

    @TempDir
    Path dir;

    private TypeScriptMojo mojo(Path classes) {
        MavenProject project = new MavenProject();
        project.getBuild().setOutputDirectory(classes.toString());
        TypeScriptMojo mojo = new TypeScriptMojo();
        mojo.project = project;
        mojo.outputDirectory = dir.resolve("out").toFile();
        mojo.flavor = "typescript";
        return mojo;
    }

    @Test
    void runBeforeCompileFailsSayingToCompileFirst() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo(classes).execute());
        assertTrue(e.getMessage().startsWith("No live-object models were found in "
                + classes.resolve("META-INF/tandem/models") + " (nor in the dependencies). Run `mvn compile` first,"
                + " or bind this goal to a phase after compile"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing is written");
    }

    @Test
    void compiledModelsAreWritten() throws Exception {
        mojo(TypeScriptGeneratorTest.MODELS).execute();
        assertTrue(Files.isRegularFile(dir.resolve("out/index.ts")));
    }
}
