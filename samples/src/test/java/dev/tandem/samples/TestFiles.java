package dev.tandem.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;

/** File helpers for tests: copying a folder, and screenshots that must come from this run. */
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

    /** Where the browser tests save screenshots. */
    static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();

    /**
     * Deletes the screenshots a test is about to take, so that files left by an earlier run can't pass
     * for this one's.
     *
     * @param names the screenshots' names, without {@code .png}
     */
    static void deleteScreenshots(List<String> names) throws IOException {
        for (String name : names) {
            Files.deleteIfExists(SCREENSHOTS.resolve(name + ".png"));
        }
    }

    /** Asserts that each named screenshot was saved (again, after {@link #deleteScreenshots}) and holds a picture. */
    static void assertScreenshots(List<String> names) throws IOException {
        for (String name : names) {
            Path shot = SCREENSHOTS.resolve(name + ".png");
            Assertions.assertTrue(Files.isRegularFile(shot), name + ".png was not saved by this run");
            Assertions.assertTrue(Files.size(shot) > 1000, name + ".png is too small to be a picture");
        }
    }
}
