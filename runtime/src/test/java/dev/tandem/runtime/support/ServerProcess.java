package dev.tandem.runtime.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Tandem test server in a process of its own ({@link ServerMain} on this test's classpath, the
 * same database settings as {@link TestServer}), so a test can kill it as a crash would:
 * {@link #kill()} is SIGKILL, {@link #stop()} is SIGTERM.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final StringBuffer output;

    private ServerProcess(Process process, int port, StringBuffer output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts a server on a data folder, with extra settings as {@code key=value}. */
    public static ServerProcess start(Path dataDir, Map<String, String> settings) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        for (String key : List.of("tandem.test.database", "tandem.test.postgres.url", "tandem.test.postgres.user")) {
            if (System.getProperty(key) != null) {
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerMain.class.getName(), dataDir.toString()));
        settings.forEach((k, v) -> command.add(k + "=" + v));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.append(line).append('\n');
                    if (line.startsWith("PORT ")) {
                        port.complete(Integer.parseInt(line.substring(5).trim()));
                    }
                }
            } catch (IOException e) {
                // the process died; the port future tells
            }
            port.completeExceptionally(new IllegalStateException("the server process ended:\n" + output));
        }, "server-process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServerProcess(process, port.get(60, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server process did not start: " + e.getMessage() + "\n" + output, e);
        }
    }

    /** @return the process ID, for signals */
    public long pid() {
        return process.pid();
    }

    /** @return whether the process is running */
    public boolean alive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    /** @return what the process printed so far */
    public String output() {
        return output.toString();
    }

    public String wsUrl(String type, String id) {
        return "ws://127.0.0.1:" + port + "/tandem/ws/" + type + "/" + id;
    }

    /** Kills the process as a crash would (SIGKILL) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Asks the process to stop (SIGTERM), as a service manager would; does not wait. */
    public void terminate() {
        process.destroy();
    }

    /** @return whether the process ended within the time */
    public boolean awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
