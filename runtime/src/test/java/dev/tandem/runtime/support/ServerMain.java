package dev.tandem.runtime.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A test server in its own process, started as applications start (so with Micronaut's shutdown
 * hook): {@code java -cp <test classpath> dev.tandem.runtime.support.ServerMain <data folder>
 * [key=value...]}. It prints {@code PORT <n>} once it listens. {@link ServerProcess} runs it.
 */
public final class ServerMain {

    private ServerMain() {
    }

    /** @param args the data folder, then settings as {@code key=value} */
    public static void main(String[] args) {
        Map<String, Object> settings = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        ApplicationContext context = Micronaut.build(new String[0])
                .properties(TestServer.properties(Path.of(args[0]), settings)).start();
        System.out.println("PORT " + context.getBean(EmbeddedServer.class).getPort());
        System.out.flush();
    }
}
