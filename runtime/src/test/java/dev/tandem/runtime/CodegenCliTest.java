package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.codegen.Cli;
import dev.tandem.runtime.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codegen CLI reads a real running server's models, given the server's ws:// address. */
class CodegenCliTest {

    @Test
    void theCliTakesAWebSocketUrlOfARunningServer(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Cli.run(new String[] {"--server", "ws://127.0.0.1:" + server.server.getPort() + "/",
                    "--out", dir.toString()}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertTrue(Files.readString(dir.resolve("index.ts")).contains("export const Counter"),
                    "the server's types are in the client");
        }
    }
}
