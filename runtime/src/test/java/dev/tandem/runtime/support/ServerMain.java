package dev.tandem.runtime.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * A test server in its own process, started as applications start (so with Micronaut's shutdown
 * hook): {@code java -cp <test classpath> dev.tandem.runtime.support.ServerMain <data folder>}. It
 * prints {@code PORT <n>} once it listens.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) {
        ApplicationContext context = Micronaut.build(new String[0])
                .properties(TestServer.properties(Path.of(args[0]), Map.of())).start();
        System.out.println("PORT " + context.getBean(EmbeddedServer.class).getPort());
        System.out.flush();
    }
}
