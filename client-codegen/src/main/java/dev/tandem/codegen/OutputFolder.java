package dev.tandem.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes generated files into a folder; the only place files are written. */
public final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * @param folder the output folder, created if missing
     * @param files the files; existing files of the same names are replaced
     * @throws IOException if writing fails
     */
    public static void write(Path folder, List<GeneratedFile> files) throws IOException {
        for (GeneratedFile f : files) {
            Path target = folder.resolve(f.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.content());
        }
    }
}
