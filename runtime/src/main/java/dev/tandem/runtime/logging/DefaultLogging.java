package dev.tandem.runtime.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configurator of last resort for Tandem applications (found through the service
 * loader). It steps aside when the application has a {@code logback.xml}, {@code logback-test.xml}
 * or {@code -Dlogback.configurationFile}, which logback then reads as usual. Without it, logback would print every DEBUG line of Netty, Micronaut and Hikari; with
 * it, a new application logs INFO and above to the console, like the samples do. To change
 * levels, add a {@code logback.xml} (or set {@code logger.levels.*} in {@code application.yml}).
 */
@ConfiguratorRank(DefaultLogging.RANK)
public final class DefaultLogging extends ContextAwareBase implements Configurator {

    /** Below logback's file-based configuration (0), above its DEBUG-everything fallback (-10). */
    static final int RANK = -5;

    /** Logback asks service-loaded configurators before its own, whatever their rank: look for its files. */
    private static boolean hasOwnConfiguration() {
        if (System.getProperty("logback.configurationFile") != null) {
            return true;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = DefaultLogging.class.getClassLoader();
        }
        return loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (hasOwnConfiguration()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // logback's own file-based configuration takes it
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
