package dev.tandem.runtime.storage;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import javax.sql.DataSource;

/**
 * Secrets the server generates for itself and keeps in its database ({@code tandem_secret}), such as
 * the key that signs session credentials when {@code tandem.security.session-key} is not set. Every
 * server on one database gets the same value: the first inserts it, the others (and the losers of a
 * race) read what is there.
 */
@Singleton
public final class StoredSecrets {

    private static final String SELECT = "SELECT secret FROM tandem_secret WHERE name = ?";
    private static final String INSERT = "INSERT INTO tandem_secret (name, secret, created_at) VALUES (?, ?, ?)";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TandemSchema schema;
    private final DataSource dataSource;

    StoredSecrets(TandemSchema schema, DataSource dataSource) {
        this.schema = schema;
        // Outside Micronaut Data's transactions: one statement at a time, each committed on its own.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * @param name the secret's name
     * @param bytes how many random bytes a new one has
     * @return the stored secret, created (random) if there was none
     */
    public byte[] getOrCreate(String name, int bytes) {
        schema.migrate();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            String stored = read(c, name);
            if (stored == null) {
                byte[] fresh = new byte[bytes];
                RANDOM.nextBytes(fresh);
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    insert.setString(1, name);
                    insert.setString(2, Base64.getEncoder().encodeToString(fresh));
                    insert.setLong(3, System.currentTimeMillis());
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                        throw e;
                    }
                    // another server inserted it first: read theirs
                }
                stored = read(c, name);
            }
            return Base64.getDecoder().decode(stored);
        } catch (SQLException e) {
            throw new IllegalStateException("Tandem can't read or create its '" + name + "' secret in tandem_secret: "
                    + e.getMessage() + ". Check datasources.default.*, or configure the secret instead"
                    + " (tandem.security.session-key).", e);
        }
    }

    /**
     * @param name the secret's name
     * @return the stored secret, if there is one; never creates it
     */
    public java.util.Optional<byte[]> find(String name) {
        schema.migrate();
        try (Connection c = dataSource.getConnection()) {
            String stored = read(c, name);
            return stored == null ? java.util.Optional.empty() : java.util.Optional.of(Base64.getDecoder().decode(stored));
        } catch (SQLException e) {
            throw new IllegalStateException("Tandem can't read its '" + name + "' secret in tandem_secret: "
                    + e.getMessage() + ". Check datasources.default.*.", e);
        }
    }

    private static String read(Connection c, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT)) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
