package dev.tandem.processor.write;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.tandem.processor.model.LiveObjectModel;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** Writes everything generated for one live object through the compiler's {@link Filer}. */
public final class SourceFiles {

    private final Filer filer;

    /** @param filer the compiler's filer */
    public SourceFiles(Filer filer) {
        this.filer = filer;
    }

    /**
     * @param model a validated live object
     * @return the generated Java files, in a fixed order (also used by golden tests)
     */
    public static List<JavaFile> javaFiles(LiveObjectModel model) {
        String pkg = model.className().packageName();
        List<JavaFile> files = new java.util.ArrayList<>(List.of(
                file(pkg, new JsonCodecWriter(model).write()),
                file(pkg, new StateWriter(model).write()),
                file(pkg, new ActionsWriter(model).write()),
                file(pkg, new DefinitionWriter(model).write()),
                file(pkg, new ClientWriter(model).write())));
        if (model.machine() != null) {
            files.add(file(pkg, new MachineWriter(model).write()));
        }
        return List.copyOf(files);
    }

    /**
     * Writes the Java sources and the model document.
     *
     * @param model a validated live object
     * @throws IOException if the filer fails
     */
    public void write(LiveObjectModel model) throws IOException {
        for (JavaFile file : javaFiles(model)) {
            file.writeTo(filer);
        }
        FileObject resource = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
                GeneratedNames.modelResource(model), model.element());
        try (Writer w = resource.openWriter()) {
            w.write(ModelDocumentWriter.write(model));
        }
    }

    private static JavaFile file(String pkg, TypeSpec type) {
        return JavaFile.builder(pkg, type).skipJavaLangImports(true).indent("    ").build();
    }
}
