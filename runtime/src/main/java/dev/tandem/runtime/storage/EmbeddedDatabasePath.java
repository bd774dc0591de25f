package dev.tandem.runtime.storage;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Makes an embedded H2 file path that is relative to the working directory absolute, so that
 * {@code tandem.data-dir: data} (the default) means {@code ./data}. H2 refuses such paths
 * ("implicitly relative"); paths it accepts (absolute, {@code ./x}, {@code ~/x}) are left alone.
 */
@Singleton
final class EmbeddedDatabasePath implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final String PREFIX = "jdbc:h2:file:";

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String url = config.getJdbcUrl();
        String fixed = absolute(url);
        if (fixed != null && !fixed.equals(url)) {
            config.setUrl(fixed);
        }
        return config;
    }

    /**
     * @param url a JDBC URL, or {@code null}
     * @return the URL with an implicitly relative H2 file path made absolute; any other URL as it was
     */
    static String absolute(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            return url;
        }
        int end = url.indexOf(';', PREFIX.length());
        String path = end < 0 ? url.substring(PREFIX.length()) : url.substring(PREFIX.length(), end);
        if (path.isEmpty() || path.startsWith("/") || path.startsWith(".") || path.startsWith("~")
                || path.startsWith("\\") || (path.length() > 1 && path.charAt(1) == ':')) {
            return url; // absolute, explicitly relative, home-relative or a Windows drive: H2 takes it as it is
        }
        return PREFIX + Path.of(path).toAbsolutePath().normalize() + (end < 0 ? "" : url.substring(end));
    }
}
