package dev.tandem.codegen;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
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

    /** @return a one-line reason for a failed write (the JDK's messages often name only the path) */
    public static String describe(IOException e) {
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file, not a folder, is at " + ((FileSystemException) e).getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        }
        if (e instanceof FileSystemException f) {
            return (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName()) + " (" + f.getFile() + ")";
        }
        return String.valueOf(e.getMessage());
    }
}
