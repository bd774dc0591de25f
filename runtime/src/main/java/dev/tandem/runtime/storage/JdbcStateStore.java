package dev.tandem.runtime.storage;

import dev.tandem.runtime.Durability;
import dev.tandem.runtime.TandemConfiguration;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StateStore} on the application's default data source, through Micronaut Data JDBC's
 * {@link JdbcOperations} and transaction manager. Portable SQL (runs on H2 and PostgreSQL), but for
 * how a commit is made durable ({@link Durability}); stored calls go through {@link CallRows}.
 */
@Singleton
final class JdbcStateStore implements StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateStore.class);

    private static final String SELECT = "SELECT revision, state, timers FROM tandem_instance"
            + " WHERE object_type = ? AND object_id = ?";
    private static final String INSERT = "INSERT INTO tandem_instance"
            + " (object_type, object_id, revision, state, timers, wake_at, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE tandem_instance SET revision = ?, state = ?, timers = ?,"
            + " wake_at = ?, updated_at = ? WHERE object_type = ? AND object_id = ? AND revision = ?";
    private static final String DUE = "SELECT object_type, object_id FROM tandem_instance"
            + " WHERE wake_at IS NOT NULL AND wake_at <= ? ORDER BY wake_at";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final TandemSchema.Database database;
    private final Durability durability;
    private final CallRows calls;

    JdbcStateStore(JdbcOperations jdbc, TransactionOperations<Connection> transactions, TandemSchema schema,
            TandemConfiguration config) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        schema.migrate();
        this.database = schema.database();
        this.durability = config.getStorage().getDurability();
        this.calls = new CallRows(database);
        if (database == TandemSchema.Database.POSTGRESQL && durability == Durability.DISK) {
            warnIfPostgresDoesNotSync();
        }
    }

    private void warnIfPostgresDoesNotSync() {
        String fsync = transactions.executeRead(status -> jdbc.prepareStatement("SHOW fsync", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "on";
            }
        }));
        if ("off".equalsIgnoreCase(fsync)) {
            LOG.warn("PostgreSQL runs with fsync = off, so its commits are not on stable storage and a crash of its"
                    + " machine can take back turns that clients have seen. Turn fsync on in postgresql.conf for"
                    + " tandem.storage.durability = disk (the default) to hold.");
        }
    }

    @Override
    public Optional<StoredState> load(String type, String id) {
        return transactions.executeRead(status -> jdbc.prepareStatement(SELECT, ps -> {
            ps.setString(1, type);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredState(rs.getLong(1), rs.getString(2), rs.getString(3)))
                        : Optional.<StoredState>empty();
            }
        }));
    }

    @Override
    public List<StoredCall> loadCalls(String type, String id, long since) {
        return transactions.executeRead(status -> calls.load(status.getConnection(), type, id, since));
    }

    @Override
    public void forgetCalls(long before) {
        transactions.executeWrite(status -> calls.forget(status.getConnection(), before));
    }

    @Override
    public List<RuntimeException> write(List<StateWrite> writes) {
        List<RuntimeException> outcomes;
        try {
            outcomes = transactions.executeWrite(status -> batch(status.getConnection(), writes));
        } catch (RuntimeException batchFailed) {
            // One bad write (say, an insert that lost a race) fails the whole batch: retry each alone.
            outcomes = new ArrayList<>();
            for (StateWrite w : writes) {
                try {
                    outcomes.add(transactions.executeWrite(status -> batch(status.getConnection(), List.of(w))).get(0));
                } catch (RuntimeException e) {
                    outcomes.add(w.isInsert() && isDuplicate(e) ? new StaleWriteException(w) : e);
                }
            }
        }
        if (database == TandemSchema.Database.H2 && durability == Durability.DISK) {
            // H2 commits to the operating system's cache; this puts everything committed so far on
            // disk (one fsync for the whole group). If it fails, the caller fails every write, and
            // the instances reload what the database holds.
            transactions.executeWrite(status -> jdbc.prepareStatement("CHECKPOINT SYNC", PreparedStatement::execute));
        }
        return outcomes;
    }

    private List<RuntimeException> batch(Connection connection, List<StateWrite> writes) throws SQLException {
        if (database == TandemSchema.Database.POSTGRESQL) {
            try (Statement st = connection.createStatement()) {
                st.execute(durability == Durability.DISK ? "SET LOCAL synchronous_commit TO on"
                        : "SET LOCAL synchronous_commit TO off");
            }
        }
        RuntimeException[] outcomes = new RuntimeException[writes.size()];
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<Integer> inserts = new ArrayList<>();
        List<Integer> updates = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            (writes.get(i).isInsert() ? inserts : updates).add(i);
        }
        if (!inserts.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                for (int i : inserts) {
                    StateWrite w = writes.get(i);
                    ps.setString(1, w.type());
                    ps.setString(2, w.id());
                    ps.setLong(3, w.revision());
                    ps.setString(4, w.state());
                    ps.setString(5, w.timers());
                    setWakeAt(ps, 6, w.wakeAt());
                    ps.setTimestamp(7, now);
                    ps.setTimestamp(8, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(UPDATE)) {
                for (int i : updates) {
                    StateWrite w = writes.get(i);
                    ps.setLong(1, w.revision());
                    ps.setString(2, w.state());
                    ps.setString(3, w.timers());
                    setWakeAt(ps, 4, w.wakeAt());
                    ps.setTimestamp(5, now);
                    ps.setString(6, w.type());
                    ps.setString(7, w.id());
                    ps.setLong(8, w.expectedRevision());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int k = 0; k < counts.length; k++) {
                    if (counts[k] != 1) { // not the one row at the expected revision: nothing of it may count
                        outcomes[updates.get(k)] = new StaleWriteException(writes.get(updates.get(k)));
                    }
                }
            }
        }
        calls.save(connection, writes, outcomes);
        return Arrays.asList(outcomes);
    }

    private static void setWakeAt(PreparedStatement ps, int index, Long wakeAt) throws SQLException {
        if (wakeAt == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, wakeAt);
        }
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && state.startsWith("23")) {
                    return true;
                }
                if (t instanceof BatchUpdateException b && b.getNextException() != null
                        && isDuplicate(b.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public List<String[]> dueTimers(long nowMillis, int limit) {
        return transactions.executeRead(status -> jdbc.prepareStatement(DUE, ps -> {
            ps.setLong(1, nowMillis);
            ps.setMaxRows(limit);
            List<String[]> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return due;
        }));
    }
}
