package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A new application without a logging configuration logs INFO, not logback's DEBUG-everything
 * default; an application with its own {@code logback.xml} keeps it. Each runs in a JVM of its
 * own on the runtime's classpath (without the tests' {@code logback-test.xml}).
 */
class DefaultLoggingTest {

    private static final String PROBE = """
            public class Probe {
                public static void main(String[] args) {
                    org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("probe");
                    log.debug("probe-debug-line");
                    log.info("probe-info-line");
                }
            }
            """;

    private static String run(Path extraClasspath) throws Exception {
        Path dir = Files.createTempDirectory("tandem-logging");
        Path probe = Files.writeString(dir.resolve("Probe.java"), PROBE);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.stream(classpath.split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes")).collect(Collectors.toCollection(ArrayList::new));
        if (extraClasspath != null) {
            entries.add(0, extraClasspath.toString());
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, entries), probe.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void withoutAConfigurationAnApplicationLogsInfoNotDebug() throws Exception {
        String out = run(null);
        assertTrue(out.contains("INFO  probe - probe-info-line"), out);
        assertFalse(out.contains("probe-debug-line"), "no DEBUG lines by default:\n" + out);
    }

    @Test
    void anApplicationsOwnLogbackXmlWins() throws Exception {
        Path own = Files.createTempDirectory("tandem-own-logging");
        Files.writeString(own.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>OWN %level %msg%n</pattern></encoder>
                  </appender>
                  <root level="DEBUG"><appender-ref ref="out"/></root>
                </configuration>
                """);
        String out = run(own);
        assertTrue(out.contains("OWN DEBUG probe-debug-line"), out);
        assertTrue(out.contains("OWN INFO probe-info-line"), out);
    }
}
