package dev.tandem.runtime.storage;

import dev.tandem.runtime.Durability;
import dev.tandem.runtime.LiveObjectRegistry;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static final String SELECT = "SELECT revision, state, timers, snapshot_revision, history, schema_version,"
            + " owner_epoch FROM tandem_instance WHERE object_type = ? AND object_id = ?";
    /** Taken once per activation, in the transaction that loads it: from then on, older activations can't write. */
    private static final String TAKE_OWNERSHIP = "UPDATE tandem_instance SET owner_epoch = owner_epoch + 1"
            + " WHERE object_type = ? AND object_id = ?";
    private static final String SELECT_EPOCH = "SELECT owner_epoch FROM tandem_instance"
            + " WHERE object_type = ? AND object_id = ?";
    private static final String SELECT_LOG = "SELECT revision, base_revision, ops FROM tandem_patch"
            + " WHERE object_type = ? AND object_id = ? AND revision > ? ORDER BY revision";
    private static final String INSERT = "INSERT INTO tandem_instance (object_type, object_id, revision, state,"
            + " snapshot_revision, history, timers, wake_at, created_at, updated_at, schema_version, owner_epoch)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_SNAPSHOT = "UPDATE tandem_instance SET revision = ?, history = ?, timers = ?,"
            + " wake_at = ?, updated_at = ?, state = ?, snapshot_revision = ?, schema_version = ?"
            + " WHERE object_type = ? AND object_id = ? AND revision = ? AND owner_epoch = ?";
    private static final String MIGRATED = "UPDATE tandem_instance SET revision = ?, state = ?, snapshot_revision = ?,"
            + " schema_version = ?, history = ?, updated_at = ? WHERE object_type = ? AND object_id = ? AND revision = ?"
            + " AND owner_epoch = ?";
    /** A row without a snapshot revision (written before the log, or reset by an operator) has its snapshot at the expected one. */
    private static final String UPDATE_LOG = "UPDATE tandem_instance SET revision = ?, history = ?, timers = ?,"
            + " wake_at = ?, updated_at = ?, snapshot_revision = COALESCE(snapshot_revision, ?)"
            + " WHERE object_type = ? AND object_id = ? AND revision = ? AND owner_epoch = ?";
    private static final String APPEND = "INSERT INTO tandem_patch (object_type, object_id, revision, base_revision, ops)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String COMPACT = "DELETE FROM tandem_patch WHERE object_type = ? AND object_id = ? AND revision <= ?";
    private static final String DUE = "SELECT object_type, object_id FROM tandem_instance"
            + " WHERE wake_at IS NOT NULL AND wake_at <= ? ORDER BY wake_at";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final TandemSchema.Database database;
    private final Durability durability;
    private final CallRows calls;
    /**
     * In a cluster, on PostgreSQL: how long a write transaction may sit idle before the database ends
     * it (ms), or 0. A server paused mid-commit (a long GC, SIGSTOP) would otherwise hold its rows
     * locked, and the server taking its instances over would wait for it to wake up.
     */
    private final long idleInTransactionMs;
    /** Each registered type's schema version, stored with every snapshot; types not registered are at 1. */
    private final Map<String, Integer> versions = new HashMap<>();

    JdbcStateStore(JdbcOperations jdbc, TransactionOperations<Connection> transactions, TandemSchema schema,
            TandemConfiguration config, LiveObjectRegistry registry) {
        registry.all().forEach(d -> versions.put(d.typeName(), d.version()));
        this.jdbc = jdbc;
        this.transactions = transactions;
        schema.migrate();
        this.database = schema.database();
        this.durability = config.getStorage().getDurability();
        this.calls = new CallRows(database);
        this.idleInTransactionMs = config.getCluster().isEnabled() ? config.getCluster().getFailureTimeout().toMillis() : 0;
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
    public Optional<StoredState> load(String type, String id, int recent) {
        return transactions.executeRead(status -> read(status.getConnection(), type, id, recent));
    }

    @Override
    public Optional<StoredState> loadAsOwner(String type, String id, int recent) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement ps = connection.prepareStatement(TAKE_OWNERSHIP)) {
                ps.setString(1, type);
                ps.setString(2, id);
                if (ps.executeUpdate() == 0) {
                    return Optional.<StoredState>empty(); // never stored: its insert carries the first epoch
                }
            }
            return read(connection, type, id, recent);
        });
    }

    private static Optional<StoredState> read(Connection connection, String type, String id, int recent)
            throws SQLException {
        long revision;
        long snapshotRevision;
        String state;
        String timers;
        String history;
        int schemaVersion;
        long ownerEpoch;
        try (PreparedStatement ps = connection.prepareStatement(SELECT)) {
            ps.setString(1, type);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                revision = rs.getLong(1);
                state = rs.getString(2);
                timers = rs.getString(3);
                long snapshotAt = rs.getLong(4);
                snapshotRevision = rs.wasNull() ? revision : snapshotAt; // a row from before the log: its state is current
                history = rs.getString(5);
                int stored = rs.getInt(6);
                schemaVersion = rs.wasNull() ? 1 : stored; // a row from before versions: version 1
                ownerEpoch = rs.getLong(7);
            }
        }
        List<StoredPatch> log = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(SELECT_LOG)) {
            ps.setString(1, type);
            ps.setString(2, id);
            ps.setLong(3, Math.min(snapshotRevision, revision - recent));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    log.add(new StoredPatch(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return Optional.of(new StoredState(revision, state, timers, snapshotRevision, history, log, schemaVersion,
                ownerEpoch));
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
                st.execute((durability == Durability.DISK ? "SET LOCAL synchronous_commit TO on"
                        : "SET LOCAL synchronous_commit TO off")
                        + (idleInTransactionMs > 0 ? "; SET LOCAL idle_in_transaction_session_timeout = " + idleInTransactionMs
                                : ""));
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
            try (PreparedStatement ps = connection.prepareStatement(INSERT);
                    PreparedStatement clear = connection.prepareStatement(COMPACT)) {
                for (int i : inserts) {
                    StateWrite w = writes.get(i);
                    ps.setString(1, w.type());
                    ps.setString(2, w.id());
                    ps.setLong(3, w.revision());
                    ps.setString(4, w.snapshot());
                    ps.setLong(5, w.revision());
                    ps.setString(6, w.history());
                    ps.setString(7, w.timers());
                    setWakeAt(ps, 8, w.wakeAt());
                    ps.setTimestamp(9, now);
                    ps.setTimestamp(10, now);
                    ps.setInt(11, versionOf(w.type()));
                    ps.setLong(12, w.ownerEpoch());
                    ps.addBatch();
                    // rows a deleted instance of the same ID left: not this one's history
                    clear.setString(1, w.type());
                    clear.setString(2, w.id());
                    clear.setLong(3, Long.MAX_VALUE);
                    clear.addBatch();
                }
                clear.executeBatch();
                ps.executeBatch();
            }
        }
        if (!updates.isEmpty()) {
            List<Integer> applied = new ArrayList<>(updates.size());
            try (PreparedStatement logOnly = connection.prepareStatement(UPDATE_LOG);
                    PreparedStatement withSnapshot = connection.prepareStatement(UPDATE_SNAPSHOT)) {
                List<Integer> logOnlyIndexes = new ArrayList<>();
                List<Integer> snapshotIndexes = new ArrayList<>();
                for (int i : updates) {
                    StateWrite w = writes.get(i);
                    PreparedStatement ps = w.snapshot() == null ? logOnly : withSnapshot;
                    (w.snapshot() == null ? logOnlyIndexes : snapshotIndexes).add(i);
                    ps.setLong(1, w.revision());
                    ps.setString(2, w.history());
                    ps.setString(3, w.timers());
                    setWakeAt(ps, 4, w.wakeAt());
                    ps.setTimestamp(5, now);
                    int next = 6;
                    if (w.snapshot() != null) {
                        ps.setString(next++, w.snapshot());
                        ps.setLong(next++, w.revision());
                        ps.setInt(next++, versionOf(w.type()));
                    } else {
                        ps.setLong(next++, w.expectedRevision());
                    }
                    ps.setString(next++, w.type());
                    ps.setString(next++, w.id());
                    ps.setLong(next++, w.expectedRevision());
                    ps.setLong(next, w.ownerEpoch());
                    ps.addBatch();
                }
                checkApplied(connection, logOnlyIndexes.isEmpty() ? new int[0] : logOnly.executeBatch(), logOnlyIndexes,
                        writes, outcomes, applied);
                checkApplied(connection, snapshotIndexes.isEmpty() ? new int[0] : withSnapshot.executeBatch(),
                        snapshotIndexes, writes, outcomes, applied);
            }
            appendAndCompact(connection, writes, applied);
        }
        calls.save(connection, writes, outcomes);
        return Arrays.asList(outcomes);
    }

    private static void checkApplied(Connection connection, int[] counts, List<Integer> indexes,
            List<StateWrite> writes, RuntimeException[] outcomes, List<Integer> applied) throws SQLException {
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 1) {
                applied.add(indexes.get(k));
            } else { // not the one row at the expected revision and epoch: nothing of it may count
                StateWrite w = writes.get(indexes.get(k));
                outcomes[indexes.get(k)] = refusal(connection, w.type(), w.id(), w.ownerEpoch(),
                        () -> new StaleWriteException(w));
            }
        }
    }

    /**
     * Why a conditional write changed no row: another activation took the instance over (a newer
     * owner epoch is stored), or the revision moved (or the row is gone). Read only after a refusal,
     * so a write that applies pays nothing for it.
     */
    private static StaleWriteException refusal(Connection connection, String type, String id, long ownerEpoch,
            java.util.function.Supplier<StaleWriteException> stale) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SELECT_EPOCH)) {
            ps.setString(1, type);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) != ownerEpoch) {
                    return new FencedWriteException(type, id, rs.getLong(1), ownerEpoch);
                }
            }
        }
        return stale.get();
    }

    /** The log rows of the writes whose conditional update applied, and the compaction of those with a snapshot. */
    private static void appendAndCompact(Connection connection, List<StateWrite> writes, List<Integer> applied)
            throws SQLException {
        try (PreparedStatement append = connection.prepareStatement(APPEND);
                PreparedStatement compact = connection.prepareStatement(COMPACT)) {
            boolean appending = false;
            boolean compacting = false;
            for (int i : applied) {
                StateWrite w = writes.get(i);
                for (StoredPatch p : w.patches()) {
                    append.setString(1, w.type());
                    append.setString(2, w.id());
                    append.setLong(3, p.revision());
                    append.setLong(4, p.baseRevision());
                    append.setString(5, p.ops());
                    append.addBatch();
                    appending = true;
                }
                if (w.compactUpTo() > 0) {
                    compact.setString(1, w.type());
                    compact.setString(2, w.id());
                    compact.setLong(3, w.compactUpTo());
                    compact.addBatch();
                    compacting = true;
                }
            }
            if (appending) {
                append.executeBatch();
            }
            if (compacting) {
                compact.executeBatch();
            }
        }
    }

    private int versionOf(String type) {
        return versions.getOrDefault(type, 1);
    }

    @Override
    public void storeMigrated(String type, String id, long expectedRevision, String state, int schemaVersion,
            String history, long ownerEpoch) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement ps = connection.prepareStatement(MIGRATED)) {
                ps.setLong(1, expectedRevision + 1);
                ps.setString(2, state);
                ps.setLong(3, expectedRevision + 1);
                ps.setInt(4, schemaVersion);
                ps.setString(5, history);
                ps.setTimestamp(6, new Timestamp(System.currentTimeMillis()));
                ps.setString(7, type);
                ps.setString(8, id);
                ps.setLong(9, expectedRevision);
                ps.setLong(10, ownerEpoch);
                if (ps.executeUpdate() != 1) {
                    StaleWriteException refused = refusal(connection, type, id, ownerEpoch, () -> null);
                    throw refused != null ? refused : new IllegalStateException(type + "/" + id
                            + " changed in storage while it was migrated; it is loaded again on its next use");
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(COMPACT)) { // the log is in the old shape
                ps.setString(1, type);
                ps.setString(2, id);
                ps.setLong(3, expectedRevision);
                ps.executeUpdate();
            }
            return null;
        });
        if (database == TandemSchema.Database.H2 && durability == Durability.DISK) {
            transactions.executeWrite(status -> jdbc.prepareStatement("CHECKPOINT SYNC", PreparedStatement::execute));
        }
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
