package dev.tandem.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** File helpers for tests. */
final class TestFiles {

    private TestFiles() {
    }

    /** Copies a folder's files into {@code to}, leaving out build output and data ({@code target}, {@code data}). */
    static void copyTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path relative = from.relativize(file);
            String top = relative.getName(0).toString();
            if (top.equals("target") || top.equals("data")) {
                continue;
            }
            Path target = to.resolve(relative.toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
    }
}
