package dev.tandem.codegen;

import dev.tandem.codegen.model.LiveObjectModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * {@code mvn dev.tandem:tandem-client-codegen:typescript}: writes the TypeScript client of the
 * project's live-object types (from its compiled classes and dependencies) into a folder.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.tandem</groupId>
 *   <artifactId>tandem-client-codegen</artifactId>
 *   <executions>
 *     <execution>
 *       <goals><goal>typescript</goal></goals>
 *       <configuration><outputDirectory>${project.basedir}/web/src/tandem</outputDirectory></configuration>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "typescript", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class TypeScriptMojo extends AbstractMojo {

    // Parameters are package-private so that TypeScriptMojoTest can set them as Maven does.

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Where to write the files. */
    @Parameter(property = "tandem.typescript.outputDirectory", defaultValue = "${project.build.directory}/tandem-typescript")
    File outputDirectory;

    /** {@code typescript} for index.ts and the runtime; {@code served} for client.js and client.d.ts. */
    @Parameter(property = "tandem.typescript.flavor", defaultValue = "typescript")
    String flavor;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!flavor.equals("typescript") && !flavor.equals("served")) {
            throw new MojoExecutionException("tandem.typescript.flavor is 'typescript' or 'served', not '" + flavor + "'");
        }
        try {
            List<Path> classpath = new ArrayList<>();
            for (String element : project.getCompileClasspathElements()) {
                classpath.add(Path.of(element));
            }
            List<LiveObjectModel> models = ModelSources.fromClasspath(classpath);
            if (models.isEmpty()) {
                throw new MojoFailureException("No live-object models were found in " + project.getBuild().getOutputDirectory()
                        + File.separator + "META-INF" + File.separator + "tandem" + File.separator + "models"
                        + " (nor in the dependencies). Run `mvn compile` first, or bind this goal to a phase after"
                        + " compile (its default is process-classes); and check that the Tandem annotation processor"
                        + " is on the annotation processor path.");
            }
            TypeScriptGenerator generator = new TypeScriptGenerator(models);
            OutputFolder.write(outputDirectory.toPath(), flavor.equals("served") ? generator.served() : generator.typescript());
            getLog().info("Tandem TypeScript client for " + models.size() + " type(s) written to " + outputDirectory);
        } catch (IOException | IllegalArgumentException | DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Generating the TypeScript client failed: " + e.getMessage(), e);
        }
    }
}
