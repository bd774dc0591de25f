package dev.tandem.samples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An application jar running as a real process ({@code java -jar}) on a free 127.0.0.1 port, with
 * its state in its own folder; closing it stops the process.
 */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code java -jar jar} in {@code dir} and waits until it answers HTTP.
     *
     * @param properties extra system properties, such as CORS settings
     */
    static AppProcess start(Path jar, Path dir, Map<String, String> properties) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmicronaut.server.host=127.0.0.1"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Files.createTempFile("tandem-app", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().put("TANDEM_DATA_DIR", dir.resolve("data").toString());
        AppProcess app = new AppProcess(pb.start(), log, port);
        app.awaitUp(Duration.ofSeconds(60));
        return app;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitUp(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create(url() + "/tandem/types")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("the app did not answer on " + url() + " within " + timeout + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
