package dev.tandem.runtime;

import io.micronaut.context.env.ActiveEnvironment;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourceLoader;
import io.micronaut.core.io.ResourceLoader;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tandem's defaults, below the application's own configuration: an embedded H2 database in a file
 * under {@code tandem.data-dir}, so a new application needs no setup. Setting
 * {@code datasources.default.url} (and the usual username, password) replaces it, for example with
 * PostgreSQL.
 */
public final class TandemDefaults implements PropertySourceLoader {

    /** Below {@code application.yml}, so that any application setting wins. */
    static final int ORDER = -500;

    /**
     * Netty's limit on an HTTP request line (Micronaut's default is 4096): raised so that a request
     * with an over-long instance ID or attribute reaches Tandem, which answers {@code bad_request}
     * naming its own limit, instead of a bare 413 from the HTTP layer.
     */
    static final int MAX_INITIAL_LINE_LENGTH = 32 * 1024;

    private static final Map<String, Object> DEFAULTS = Map.of(
            "datasources.default.url",
            "jdbc:h2:file:${tandem.data-dir:data}/tandem;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
            "micronaut.server.netty.max-initial-line-length", MAX_INITIAL_LINE_LENGTH,
            // Micronaut serves /metrics to anyone; an internet-facing app should not. Sensitive
            // endpoints answer 401 unless Micronaut Security lets the caller in.
            "endpoints.metrics.sensitive", true);

    @Override
    public Optional<PropertySource> load(String resourceName, ResourceLoader resourceLoader) {
        if (!"application".equals(resourceName)) {
            return Optional.empty();
        }
        return Optional.of(new MapPropertySource("tandem-defaults", DEFAULTS) {
            @Override
            public int getOrder() {
                return ORDER;
            }
        });
    }

    @Override
    public Optional<PropertySource> loadEnv(String resourceName, ResourceLoader resourceLoader,
            ActiveEnvironment activeEnvironment) {
        return Optional.empty();
    }

    @Override
    public Map<String, Object> read(String name, InputStream input) {
        return Map.of();
    }

    @Override
    public Set<String> getExtensions() {
        return Set.of();
    }
}
