package dev.tandem.runtime.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Tandem test server in a process of its own (this test's classpath and fixtures, the same
 * database settings as {@link TestServer}), so a test can kill it as a crash would: {@link #kill()}
 * is SIGKILL, {@link #stop()} is SIGTERM. The child prints its port on a line {@code PORT n}.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final StringBuffer output = new StringBuffer();

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
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
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), dataDir.toString()));
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
            ServerProcess started = new ServerProcess(process, port.get(60, TimeUnit.SECONDS));
            started.output.append(output);
            return started;
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server process did not start: " + e.getMessage() + "\n" + output, e);
        }
    }

    public int port() {
        return port;
    }

    public String wsUrl(String type, String id) {
        return "ws://127.0.0.1:" + port + "/tandem/ws/" + type + "/" + id;
    }

    /** Kills the process as a crash would (SIGKILL) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Asks the process to stop (SIGTERM) and waits for it; returns its exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The child: starts a test server and prints its port. */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            Map<String, Object> settings = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                int eq = args[i].indexOf('=');
                settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            }
            TestServer server = TestServer.start(Path.of(args[0]), settings);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            System.out.println("PORT " + server.server.getPort());
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}
