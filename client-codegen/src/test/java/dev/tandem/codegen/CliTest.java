package dev.tandem.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's real runs: each failure is one line on stderr and a non-zero exit code, never a stack
 * trace. (Reading a real Tandem server over ws:// is tested in the runtime's CodegenCliTest.)
 */
class CliTest {

    @TempDir
    Path dir;

    /** One run's exit code and streams. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Asserts a failed run printed exactly {@code message} as its one line. */
    static void assertFails(Run run, String message) {
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("tandem-client-codegen: " + message + System.lineSeparator(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aClosedPortIsConnectionRefusedNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertFails(run("--server", "ws://127.0.0.1:" + port, "--out", dir.toString()),
                "connection refused: nothing listens at http://127.0.0.1:" + port
                        + "/ (is the server running, and is the port right?)");
    }

    @Test
    void anHttpErrorIsItsStatus() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertFails(run("--server", base + "/", "--out", dir.toString()),
                    "GET " + base + "/tandem/types answered HTTP 404 (is this a Tandem server?)");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aUrlOfAnotherSchemeIsRefused() {
        assertFails(run("--server", "ftp://localhost:8080", "--out", dir.toString()), "'ftp://localhost:8080' is not a"
                + " server URL: give http://, https://, ws:// or wss:// and a host, like http://localhost:8080");
    }

    @Test
    void noModelsIsAnError() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertFails(run("--classpath", classes.toString(), "--out", dir.resolve("out").toString()),
                "no live-object models found in " + classes + " (under META-INF/tandem/models; compile with the"
                        + " Tandem annotation processor first)");
        assertTrue(Files.notExists(dir.resolve("out")));
    }

    @Test
    void anUnwritableOutputFolderIsAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "a file where a folder should be");
        Path out = file.resolve("tandem");
        Run run = run("--classpath", TypeScriptGeneratorTest.MODELS.toString(), "--out", out.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("tandem-client-codegen: can't write to the output folder " + out + ": "),
                run.err());
        assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
    }

    @Test
    void aGoodRunWritesTheFiles() {
        Path out = dir.resolve("out");
        Run run = run("--classpath", TypeScriptGeneratorTest.MODELS.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        assertTrue(Files.isRegularFile(out.resolve("index.ts")));
    }
}
