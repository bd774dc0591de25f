package dev.tandem.runtime.storage;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.flyway.FlywayMigrator;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and migrates Tandem's tables with Flyway, through micronaut-flyway's {@link FlywayMigrator}.
 * Tandem keeps its own migrations ({@code classpath:db/tandem}) and history table
 * ({@code tandem_schema_history}), so it never touches the application's own Flyway setup.
 */
@Singleton
public final class TandemSchema {

    private static final Logger LOG = LoggerFactory.getLogger(TandemSchema.class);

    private final FlywayMigrator migrator;
    private final DataSource dataSource;
    private volatile boolean migrated;

    TandemSchema(FlywayMigrator migrator, DataSource dataSource) {
        this.migrator = migrator;
        // Micronaut Data hands out a connection-aware proxy; migrations need the data source itself.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Migrates the schema once; later calls do nothing. */
    public synchronized void migrate() {
        if (migrated) {
            return;
        }
        FlywayConfigurationProperties config = new FlywayConfigurationProperties("tandem");
        config.getFluentConfiguration()
                .locations("classpath:db/tandem")
                .table("tandem_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of("text_type", textType(), "short_text_type", shortTextType()));
        migrator.run(config, dataSource);
        migrated = true;
        LOG.debug("Tandem schema is up to date");
    }

    /** The column type for JSON text: large objects on H2, TEXT elsewhere. */
    private String textType() {
        return switch (database()) {
            case H2 -> "CHARACTER LARGE OBJECT";
            case MYSQL -> "LONGTEXT";
            case POSTGRESQL, OTHER -> "TEXT";
        };
    }

    /**
     * The column type for JSON text that is usually short: on H2 a string kept in the row itself
     * (a large object over 256 characters goes to H2's separate LOB store, which costs every write a
     * few more B-tree updates), elsewhere the same as {@link #textType()}.
     */
    private String shortTextType() {
        return database() == Database.H2 ? "CHARACTER VARYING" : textType();
    }

    /** The databases whose SQL differs where Tandem's does. */
    enum Database { H2, POSTGRESQL, MYSQL, OTHER }

    /** @return which database the default data source is */
    Database database() {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return Database.H2;
            }
            if (product.contains("mysql") || product.contains("mariadb")) {
                return Database.MYSQL;
            }
            return product.contains("postgres") ? Database.POSTGRESQL : Database.OTHER;
        } catch (SQLException e) {
            throw new IllegalStateException("Tandem can't reach its database to create its tables: " + e.getMessage()
                    + ". Check datasources.default.* (by default an embedded H2 file under tandem.data-dir).", e);
        }
    }
}
