package dev.tandem.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.codegen.testing.NodeProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The path from an empty folder to a running app, as README.md tells it: copy {@code starter/}, run
 * {@code mvn package} on it (offline, on the Maven repository of this build, where the reactor has
 * just installed the runtime and the processor), start {@code java -jar target/my-app.jar} as a real
 * process, and use its page in headless Chromium.
 */
class StarterTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theStarterBuildsRunsAndServesAPageThatUsesItsLiveObject() throws Exception {
        Path app = Files.createTempDirectory("tandem-starter");
        TestFiles.copyTree(Path.of("starter"), app);
        build(app);
        Path jar = app.resolve("target/my-app.jar");
        assertTrue(Files.isRegularFile(jar), "mvn package made " + jar);

        try (AppProcess server = AppProcess.start(jar, app, Map.of())) {
            String page = get(server.url() + "/");
            assertTrue(page.contains("from \"/tandem/client.js\""), "the page imports the served client:\n" + page);
            String client = get(server.url() + "/tandem/client.js");
            assertTrue(client.contains("export const Counter"), "the client module has the starter's type:\n" + client);

            NodeProcess.nodeModules();
            TestFiles.deleteScreenshots(List.of("starter-phone"));
            NodeProcess.Result r = NodeProcess.run(Path.of("src/test/browser").toAbsolutePath(),
                    Map.of("SAMPLES_URL", server.url(),
                            "SCREENSHOTS", TestFiles.SCREENSHOTS.toString()),
                    120, List.of("node", "--test", "--test-reporter=spec", "starter.test.mjs"));
            System.out.println(r.output());
            assertEquals(0, r.exitCode(), "the starter's page in a browser:\n" + r.output() + "\nserver log:\n" + server.log());
            TestFiles.assertScreenshots(List.of("starter-phone"));
        }
    }

    /** Runs {@code mvn -o -q package} in {@code dir}, on this build's local repository if it has one. */
    private static void build(Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(mvn(), "-o", "-q", "-B", "package"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        NodeProcess.Result r = NodeProcess.run(dir, Map.of(), 600, command);
        assertEquals(0, r.exitCode(), String.join(" ", command) + " failed in " + dir + ":\n" + r.output());
    }

    /** The Maven that runs this build (surefire passes maven.home), else the one on the PATH. */
    private static String mvn() {
        String home = System.getProperty("maven.home");
        if (home != null && !home.isBlank() && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "GET " + url + ": " + response.body());
        return response.body();
    }
}
