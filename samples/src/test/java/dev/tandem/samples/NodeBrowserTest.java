package dev.tandem.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.codegen.testing.NodeProcess;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The samples in headless Chromium (Playwright from npm, Debian's chromium), against the real
 * samples app on the embedded database: first every sample with two users, on a desktop and on a
 * phone-sized screen, then, after a restart
 * of the app on the same data folder, that the counter kept its value. Screenshots go to
 * {@code target/screenshots}.
 */
class NodeBrowserTest {

    private static EmbeddedServer start(Path data) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.host", "127.0.0.1",
                "micronaut.server.port", -1,
                "tandem.data-dir", data.toString(),
                "quiz.pause", "PT1S")); // the quiz's pause between questions (@After placeholder), shorter than its 2 s default
    }

    private static NodeProcess.Result run(EmbeddedServer server, Path stateFile, String... tests) throws Exception {
        Map<String, String> env = Map.of(
                "SAMPLES_URL", "http://127.0.0.1:" + server.getPort(),
                "SCREENSHOTS", TestFiles.SCREENSHOTS.toString(),
                "STATE_FILE", stateFile.toString());
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec", "--test-concurrency=1"));
        command.addAll(List.of(tests));
        NodeProcess.Result r = NodeProcess.run(Path.of("src/test/browser").toAbsolutePath(), env, 300, command);
        System.out.println(r.output());
        return r;
    }

    private static final List<String> SHOTS = List.of("index", "cursors", "tic-tac-toe", "tasks", "counter",
            "counter-after-restart", "phone-index", "phone-counter", "phone-cursors", "phone-tic-tac-toe", "phone-tasks", "cards",
            "quiz-lobby", "quiz-desktop", "quiz-phone", "quiz-recap", "quiz-phone-recap", "quiz-final", "quiz-phone-final");

    @Test
    void theSamplesWorkInARealBrowserAndSurviveARestart() throws Exception {
        NodeProcess.nodeModules();
        TestFiles.deleteScreenshots(SHOTS);
        Path data = Files.createTempDirectory("tandem-samples");
        Path stateFile = data.resolve("browser-state.json");
        try (EmbeddedServer first = start(data)) {
            NodeProcess.Result r = run(first, stateFile, "samples.test.mjs", "phone.test.mjs", "cards.test.mjs",
                    "quiz.test.mjs");
            assertEquals(0, r.exitCode(), "browser tests failed:\n" + r.output());
        }
        assertTrue(Files.exists(stateFile), "the counter test recorded its room");
        try (EmbeddedServer second = start(data)) {
            NodeProcess.Result r = run(second, stateFile, "after-restart.test.mjs");
            assertEquals(0, r.exitCode(), "after the restart:\n" + r.output());
        }
        TestFiles.assertScreenshots(SHOTS);
    }
}
