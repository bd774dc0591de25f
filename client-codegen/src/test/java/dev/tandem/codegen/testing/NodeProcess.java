package dev.tandem.codegen.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Node tools from the repository's {@code node_modules} (installed by {@code npm ci} at the
 * repository root) for tests: the TypeScript compiler, Node's test runner, Playwright.
 */
public final class NodeProcess {

    private NodeProcess() {
    }

    /** @return the repository root: the nearest folder up with a package.json */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("package.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no package.json above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** @return the repository's node_modules, failing the test with the fix if it is missing */
    public static Path nodeModules() {
        Path modules = repositoryRoot().resolve("node_modules");
        if (!Files.isDirectory(modules.resolve("typescript"))) {
            fail("the JavaScript test tools are not installed: run `npm ci` in " + repositoryRoot()
                    + " (the Maven build does this when node_modules is missing)");
        }
        return modules;
    }

    /** The outcome of a run: exit code and everything it printed. */
    public record Result(int exitCode, String output) {
    }

    /**
     * Runs a command, with its output collected, for at most {@code timeoutSeconds}.
     *
     * @param workDir where to run it
     * @param env extra environment variables
     * @param command the command and its arguments
     * @return how it ended
     */
    public static Result run(Path workDir, Map<String, String> env, long timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("tandem-node", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Result(-1, Files.readString(log) + "\n[killed after " + timeoutSeconds + " s]");
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    /** @return the path of a binary in node_modules/.bin */
    public static String bin(String name) {
        return nodeModules().resolve(".bin").resolve(name).toString();
    }
}
