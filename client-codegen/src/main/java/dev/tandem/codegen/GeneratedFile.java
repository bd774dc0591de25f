package dev.tandem.codegen;

/**
 * A file the generator produced.
 *
 * @param path its path relative to the output folder, with {@code /} separators
 * @param content its text
 */
public record GeneratedFile(String path, String content) {
}
