package dev.tandem.processor.write;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.tandem.spi.LiveObjectDefinition}, which is how the runtime
 * finds every live-object type without scanning the classpath. Entries already in the file (from
 * an earlier, incremental compilation) are kept; the runtime skips entries whose class is gone.
 */
public final class ServiceFile {

    /** The resource path. */
    public static final String PATH = "META-INF/services/dev.tandem.spi.LiveObjectDefinition";

    private ServiceFile() {
    }

    /**
     * @param filer the compiler's filer
     * @param definitions qualified names of generated definition classes
     * @throws IOException if the filer fails
     */
    public static void write(Filer filer, Set<String> definitions) throws IOException {
        Set<String> all = new TreeSet<>(definitions);
        try {
            FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
            try (Reader r = existing.openReader(true); BufferedReader lines = new BufferedReader(r)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        all.add(line.strip());
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            // no earlier file: a clean build
        }
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH);
        try (Writer w = file.openWriter()) {
            for (String name : all) {
                w.write(name);
                w.write('\n');
            }
        }
    }
}
