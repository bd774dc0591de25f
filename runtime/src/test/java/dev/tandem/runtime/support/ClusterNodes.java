package dev.tandem.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cluster of Tandem servers, each in a process of its own ({@link ServerProcess}), on 127.0.0.1
 * and one database (the local PostgreSQL: embedded H2 can't be shared between processes). A test
 * kills, pauses and restarts them as crashes and stalls would.
 */
public final class ClusterNodes implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path data;
    private final List<Integer> clusterPorts = new ArrayList<>();
    private final ServerProcess[] nodes;
    private final Map<String, String> extra;

    /**
     * Starts {@code n} servers that know each other as members.
     *
     * @param extra further settings for every server
     */
    public ClusterNodes(int n, Map<String, String> extra) throws IOException {
        this(n, n, extra);
    }

    /**
     * Makes {@code n} servers that know each other as members, and starts the first {@code running}.
     *
     * @param extra further settings for every server
     */
    public ClusterNodes(int n, int running, Map<String, String> extra) throws IOException {
        this.data = Files.createTempDirectory("tandem-cluster");
        this.extra = extra;
        this.nodes = new ServerProcess[n];
        for (int i = 0; i < n; i++) {
            clusterPorts.add(freePort());
        }
        try {
            for (int i = 0; i < running; i++) {
                start(i);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts (or restarts) server {@code i}. */
    public void start(int i) throws IOException {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("tandem.cluster.enabled", "true");
        settings.put("tandem.cluster.port", Integer.toString(clusterPorts.get(i)));
        settings.put("tandem.cluster.members", clusterPorts.stream().map(p -> "127.0.0.1:" + p)
                .collect(Collectors.joining(",")));
        settings.put("endpoints.cluster.sensitive", "false");
        settings.put("tandem.limits.calls-per-second", "1000000");
        settings.put("tandem.limits.call-burst", "1000000");
        nodes[i] = ServerProcess.start(data.resolve("node" + i), settings);
    }

    public int size() {
        return nodes.length;
    }

    public ServerProcess node(int i) {
        return nodes[i];
    }

    /** @return the index of the server that owns the instance, as server {@code asking} sees it */
    public int owner(int asking, String type, String id) {
        JsonNode status = get(nodes[asking].port(), "/cluster/" + type + "/" + id);
        String owner = status.path("owner").asText(null);
        for (int i = 0; i < nodes.length; i++) {
            if (("127.0.0.1:" + clusterPorts.get(i)).equals(owner)) {
                return i;
            }
        }
        return -1;
    }

    /** @return how many members server {@code i} sees */
    public int members(int i) {
        return get(nodes[i].port(), "/cluster").path("members").size();
    }

    /** Waits until every running server sees {@code n} members. */
    public void awaitMembers(int n, int... running) {
        for (int i : running) {
            Await.until(() -> members(i) == n, "server " + i + " sees " + n + " members");
        }
    }

    /** Stops the process (SIGSTOP) or lets it go on (SIGCONT). */
    public void signal(int i, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(nodes[i].pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " failed");
        }
    }

    /** @return the last lines each running server printed, for a failure message */
    public String tails(int lines) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] != null) {
                List<String> out = nodes[i].output().lines().toList();
                all.append("--- server ").append(i).append(" (cluster port ").append(clusterPorts.get(i)).append(")\n");
                out.subList(Math.max(0, out.size() - lines), out.size()).forEach(l -> all.append(l).append('\n'));
            }
        }
        return all.toString();
    }

    public static JsonNode get(int port, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (ServerProcess node : nodes) {
            if (node != null) {
                try {
                    node.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
