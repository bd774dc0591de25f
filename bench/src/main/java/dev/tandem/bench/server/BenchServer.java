package dev.tandem.bench.server;

import io.micronaut.runtime.Micronaut;

/**
 * The benchmark server: the Tandem runtime with the benchmark counters, limits opened up for load
 * (see {@code application.yml}). Prints its pid and port once it listens.
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static void main(String[] args) {
        var context = Micronaut.build(args).mainClass(BenchServer.class).banner(false).start();
        int port = context.getEnvironment().getProperty("micronaut.server.port", Integer.class, 8080);
        System.out.println("tandem-bench-server pid=" + ProcessHandle.current().pid() + " port="
                + context.findBean(io.micronaut.runtime.server.EmbeddedServer.class).map(s -> s.getPort()).orElse(port));
    }
}
